import { Writable } from 'node:stream';

export interface LoggedError {
  msg: string;
  err?: { message: string; stack?: string };
}

/** A logger stream that keeps what the server logged, so a 5xx can be reported with its cause. */
export function errorLog(): {
  stream: Writable;
  entries: LoggedError[];
  causeSince(index: number): LoggedError['err'];
} {
  const entries: LoggedError[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) entries.push(JSON.parse(line));
      done();
    },
  });
  return { stream, entries, causeSince: (index) => entries.slice(index).find((entry) => entry.err)?.err };
}
