import type { Server } from 'node:http';

/** Closes a test's HTTP server now, kept-alive connections included (a plain close waits for them to time out). */
export function closeServer(server: Server): Promise<void> {
  return new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
