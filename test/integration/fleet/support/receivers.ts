import { createServer, type IncomingHttpHeaders } from 'node:http';

export interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/**
 * A real HTTP server on loopback that records what it is sent: the SMS gateway or the webhook
 * receiver. `failFirst` answers 503 to that many calls first, to prove the sender retries.
 */
export async function startReceiver(failFirst = 0): Promise<{ url: string; received: Received[]; calls: () => number; close(): Promise<void> }> {
  const received: Received[] = [];
  let calls = 0;
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      calls += 1;
      if (calls <= failFirst) {
        response.writeHead(503).end();
        return;
      }
      received.push({ headers: request.headers, body });
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    received,
    calls: () => calls,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
