import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';
import type { Terminal } from '../terminal';
import type { Logger } from '../logging/logger';
import { securityHeaders } from './security-headers';
import { createWsTransport } from './ws-transport';

export interface ChromiumHostOptions {
  terminal: Terminal;
  /** The built UI (Vite's output). */
  staticDir: string;
  port: number;
  log: Logger;
}

export interface ChromiumHost {
  origin: string;
  /** The page to open: the launch secret rides in the fragment, which is never sent to a server. */
  url: string;
  close(): Promise<void>;
}

export class UiNotBuiltError extends Error {
  constructor(dir: string) {
    super(`the UI is not built: ${dir}/index.html is missing (run \`npm run build\`)`);
    this.name = 'UiNotBuiltError';
  }
}

/** Loopback only: the host is the kiosk's own screen, never a service on the network. */
const HOST = '127.0.0.1';

export async function startChromiumHost(options: ChromiumHostOptions): Promise<ChromiumHost> {
  const { terminal, staticDir, log } = options;
  if (!existsSync(`${staticDir}/index.html`)) throw new UiNotBuiltError(staticDir);
  const secret = randomBytes(32).toString('hex');
  const server: Server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, HOST, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://${HOST}:${port}`;
  const headers = securityHeaders(origin);
  const assets = sirv(staticDir, { etag: true, setHeaders: (res) => Object.entries(headers).forEach(([k, v]) => res.setHeader(k, v)) });

  server.on('request', (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD', ...headers }).end();
      return;
    }
    // A page of another origin could still point a browser here; the host answers only its own hostname.
    if (req.headers.host !== `${HOST}:${port}`) {
      res.writeHead(421, headers).end();
      return;
    }
    assets(req, res, () => {
      res.writeHead(404, headers).end();
    });
  });

  const transport = createWsTransport({ origin, secret, dispatch: terminal.dispatch, events: terminal.events, log });
  server.on('upgrade', transport.handleUpgrade);
  log.info({ origin }, 'Chromium host listening');

  return {
    origin,
    url: `${origin}/#secret=${secret}`,
    async close() {
      transport.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
