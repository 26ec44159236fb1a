import { createServer } from 'node:net';

/**
 * A loopback TCP port free at this moment, for a server that cannot listen on port 0 itself
 * (PostgreSQL's postmaster, ippeveprinter): asked of the kernel, then released.
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
