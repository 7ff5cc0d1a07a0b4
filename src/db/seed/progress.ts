// Progress on stderr: a bar redrawn in place on a terminal, a line per 10% otherwise (CI logs stay short).

export interface Phase {
  add(n: number): void;
  end(): void;
}

export interface Progress {
  start(name: string, total: number): Phase;
}

export const silentProgress: Progress = { start: () => ({ add() {}, end() {} }) };

const WIDTH = 24;
const number = (n: number) => Math.round(n).toLocaleString('en-US');

export function stderrProgress(stream: NodeJS.WriteStream = process.stderr): Progress {
  const tty = Boolean(stream.isTTY);
  return {
    start(name, total) {
      const started = performance.now();
      let done = 0;
      let drawnAt = 0;
      let lastDecile = -1;
      const line = (final: boolean) => {
        const seconds = (performance.now() - started) / 1000;
        const share = total ? Math.min(1, done / total) : 1;
        const filled = Math.round(share * WIDTH);
        const bar = '#'.repeat(filled) + '-'.repeat(WIDTH - filled);
        const rate = seconds > 0 && total > 10 ? `${number(done / seconds)} rows/s` : '';
        const tail = final ? `${seconds.toFixed(1)} s` : '';
        return `${name.padEnd(16)} [${bar}] ${String(Math.floor(share * 100)).padStart(3)}%  ${total > 10 ? `${number(done)}/${number(total)}` : ''}  ${rate}  ${tail}`.trimEnd();
      };
      const draw = (final: boolean) => {
        if (tty) {
          stream.write(`\r${line(final)}\x1b[K${final ? '\n' : ''}`);
          return;
        }
        const decile = total ? Math.floor((done / total) * 10) : 10;
        if (final || (total >= 10_000 && decile > lastDecile && decile < 10)) {
          lastDecile = decile;
          stream.write(line(final) + '\n');
        }
      };
      draw(false);
      return {
        add(n) {
          done += n;
          const now = performance.now();
          if (tty ? now - drawnAt > 100 : true) {
            drawnAt = now;
            draw(false);
          }
        },
        end() {
          done = Math.max(done, total);
          draw(true);
        },
      };
    },
  };
}
