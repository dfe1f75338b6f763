/**
 * A proxy that answers every request with 403 and writes down where it was going.
 * A browser sends all non-loopback traffic through it (Chromium's `--proxy-server`,
 * Firefox's `network.proxy.*`), so it sees what a driver's events cannot: requests
 * made before the test listened (a service worker's first run) and requests from
 * any browser process.
 */
import { createServer } from 'node:http';
import { listenOnLoopback } from './loopback';

export interface TrafficTrap {
  port: number;
  /** `GET http://host/path` or `CONNECT host:443`, in order. */
  log: string[];
  close(): Promise<void>;
}

export async function startTrafficTrap(): Promise<TrafficTrap> {
  const log: string[] = [];
  const server = createServer((req, res) => {
    log.push(`${req.method} ${req.url}`);
    res.writeHead(403, { 'content-type': 'text/plain' }).end('blocked by the test harness');
  });
  server.on('connect', (req, socket) => {
    log.push(`CONNECT ${req.url}`);
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  const { port, close } = await listenOnLoopback(server);
  return { port, log, close };
}
