/**
 * Runs `work` every `everyMs` in this process, the next run `everyMs` after the previous one ended (never two
 * at once); the first now when `now`, else after one interval. `stop()` waits for a run in progress. `work`
 * handles its own errors (a maintenance job logs and tries again next time).
 */
export function repeat(
  everyMs: number,
  work: () => Promise<void>,
  options: { now?: boolean } = {},
): { stop(): Promise<void> } {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const run = () => {
    running = work().finally(() => {
      if (!stopped) timer = setTimeout(run, everyMs).unref();
    });
  };
  if (options.now) run();
  else timer = setTimeout(run, everyMs).unref();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
