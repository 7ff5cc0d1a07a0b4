interface Waiter {
  start(): void;
  cancel(reason: unknown): void;
}

/**
 * Runs jobs at most `concurrency` at a time. Waiting jobs are taken round-robin by key (one key per
 * client identity), so one client's many jobs queue behind each other instead of ahead of everyone else's.
 * The next job starts on a later turn of the event loop (setImmediate), so work queued in bulk always
 * lets I/O — HTTP requests — in between.
 */
export class FairQueue {
  private readonly concurrency: number;
  private running = 0;
  /** Insertion order is the rotation: a key that was served goes to the back if it still waits. */
  private readonly waiting = new Map<string, Waiter[]>();
  private scheduled = false;

  constructor(concurrency: number) {
    this.concurrency = concurrency;
  }

  get size(): number {
    let count = 0;
    for (const list of this.waiting.values()) count += list.length;
    return count;
  }

  /** Runs `job` when its turn comes; rejects with the signal's reason when it is aborted while waiting. */
  run<T>(key: string, job: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    signal?.throwIfAborted();
    return new Promise<T>((resolve, reject) => {
      const waiter: Waiter = {
        start: () => {
          signal?.removeEventListener('abort', onAbort);
          this.running++;
          job()
            .then(resolve, reject)
            .finally(() => {
              this.running--;
              this.schedule();
            });
        },
        cancel: reject,
      };
      const onAbort = () => {
        const list = this.waiting.get(key);
        const index = list?.indexOf(waiter) ?? -1;
        if (index < 0) return;
        list!.splice(index, 1);
        if (!list!.length) this.waiting.delete(key);
        waiter.cancel(signal!.reason);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      const list = this.waiting.get(key);
      if (list) list.push(waiter);
      else this.waiting.set(key, [waiter]);
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      while (this.running < this.concurrency && this.waiting.size) {
        const [key, list] = this.waiting.entries().next().value!;
        this.waiting.delete(key);
        const waiter = list.shift()!;
        if (list.length) this.waiting.set(key, list);
        waiter.start();
      }
    });
  }
}
