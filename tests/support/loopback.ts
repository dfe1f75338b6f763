/** Listening on 127.0.0.1 only, on a free port, and closing without waiting on keep-alive sockets. */
import type { Server } from 'node:http';

export interface Listening {
  port: number;
  close(): Promise<void>;
}

export async function listenOnLoopback(server: Server): Promise<Listening> {
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => ok());
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('server has no port');
  return {
    port: address.port,
    close: () =>
      new Promise<void>((ok) => {
        // A browser keeps connections open; close() alone would wait for them.
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
