import pg from 'pg';

export interface WakeLog {
  warn(object: unknown, message?: string): void;
}

/**
 * A loop's sleep that a NOTIFY on `channel` (or `wake()`) cuts short. `notified` says a notification came since
 * it was last cleared, so one arriving while the loop works (no sleep to cut) still skips the next sleep.
 */
export class Wakeup {
  notified = false;
  private wakeSleeper: (() => void) | undefined;
  private readonly listener: pg.Client;
  private readonly channel: string;

  constructor(options: pg.ClientConfig, channel: string) {
    this.listener = new pg.Client(options);
    this.channel = channel;
  }

  /** Starts listening; without LISTEN (say, a pooler that cannot) the loop only polls. */
  async listen(log: WakeLog, who: string): Promise<void> {
    try {
      await this.listener.connect();
      this.listener.on('notification', () => {
        this.notified = true;
        this.wake();
      });
      this.listener.on('error', () => {});
      await this.listener.query(`LISTEN ${this.channel}`);
    } catch (error) {
      log.warn({ err: error }, `${who}: LISTEN failed; polling only`);
    }
  }

  sleep(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wakeSleeper = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  wake(): void {
    this.wakeSleeper?.();
  }

  async close(): Promise<void> {
    await this.listener.end().catch(() => {});
  }
}
