import { describe, expect, it } from 'vitest';
import { FairQueue } from './fair-queue.ts';

function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

describe('FairQueue', () => {
  it('runs at most `concurrency` jobs at once and takes waiting keys round-robin', async () => {
    const queue = new FairQueue(1);
    const order: string[] = [];
    const first = gate();
    const jobs = [queue.run('flood', async () => (order.push('flood 0'), first.opened))];
    for (let i = 1; i <= 3; i++) jobs.push(queue.run('flood', async () => void order.push(`flood ${i}`)));
    jobs.push(queue.run('quiet', async () => void order.push('quiet 0')));
    await new Promise((r) => setImmediate(r));
    expect(order).toEqual(['flood 0']); // the others wait for the slot
    first.open();
    await Promise.all(jobs);
    // The quiet key queued after all of the flood's jobs, and ran right after the one already running.
    expect(order).toEqual(['flood 0', 'quiet 0', 'flood 1', 'flood 2', 'flood 3']);
  });

  it('drops a waiting job whose signal is aborted, with the signal’s reason', async () => {
    const queue = new FairQueue(1);
    const busy = gate();
    const running = queue.run('a', () => busy.opened);
    await new Promise((r) => setImmediate(r)); // 'a' has the slot
    const controller = new AbortController();
    let ran = false;
    const waiting = queue.run('b', async () => void (ran = true), controller.signal);
    controller.abort(new Error('socket closed'));
    await expect(waiting).rejects.toThrow('socket closed');
    expect(queue.size).toBe(0);
    busy.open();
    await running;
    expect(ran).toBe(false);
  });
});
