import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { EsclXmlError, parseScanSettings, type EsclScanSettings } from '../escl/escl-xml';
import { capabilitiesXml, SIMULATOR_FORMATS, SIMULATOR_RESOLUTIONS, statusXml } from './capabilities';
import { defaultPageRenderer, encodePage, type PageRenderer } from './pages';
import { errorMessage } from '../../../common/errors';

/**
 * What the simulated scanner does wrong, switchable while it runs (demo, training, fault tests):
 * - `busy`: every new job is refused with 503, as a scanner does while someone uses its panel;
 * - `timeout`: jobs are accepted but no page ever comes (a scanner that hangs mid-scan);
 * - `adf-empty`: the feeder holds no paper (409 on a feeder job, AdfState ScannerAdfEmpty);
 * - `cover-open`: the feeder hatch is open (409, ScannerAdfHatchOpen);
 * - `jam`: the feeder jams on its first page.
 */
export type SimulatorFault = 'none' | 'busy' | 'timeout' | 'adf-empty' | 'cover-open' | 'jam';
export const SIMULATOR_FAULTS: SimulatorFault[] = ['none', 'busy', 'timeout', 'adf-empty', 'cover-open', 'jam'];

export interface EsclSimulatorOptions {
  host?: string;
  /** 0 (default) picks a free port. */
  port?: number;
  makeAndModel?: string;
  fault?: SimulatorFault;
  /** Pages in the feeder for each feeder job. */
  feederPages?: number;
  /** Refuse this many job requests with 503 before accepting: a scanner that is busy for a moment. */
  busyFor?: number;
  /** Time a page takes to "scan"; NextDocument answers 503 until it has passed. */
  pageDelayMs?: number;
  renderPage?: PageRenderer;
}

export interface EsclSimulator {
  /** The eSCL root, e.g. `http://127.0.0.1:40123/eSCL`: what an `escl` scanner is configured with. */
  readonly url: string;
  setFault(fault: SimulatorFault): void;
  setFeederPages(pages: number): void;
  /** Requests received, for the technician's view and for tests that check the client cleaned up. */
  readonly log: readonly { method: string; path: string; status: number }[];
  activeJobs(): number;
  close(): Promise<void>;
}

interface Job {
  id: string;
  settings: EsclScanSettings;
  pages: number;
  served: number;
  created: number;
  readyAt: number;
}

/** A client that vanished must not leave the scanner busy for ever. */
const JOB_EXPIRY_MS = 60_000;
const MAX_BODY = 64 * 1024;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new EsclXmlError(`ScanSettings larger than ${MAX_BODY} bytes`));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export async function startEsclSimulator(options: EsclSimulatorOptions = {}): Promise<EsclSimulator> {
  let fault: SimulatorFault = options.fault ?? 'none';
  let feederPages = options.feederPages ?? 3;
  let busyFor = options.busyFor ?? 0;
  const uuid = randomUUID();
  const makeAndModel = options.makeAndModel ?? 'Tongban eSCL Simulator';
  const render = options.renderPage ?? defaultPageRenderer;
  const jobs = new Map<string, Job>();
  const log: { method: string; path: string; status: number }[] = [];
  const sockets = new Set<Socket>();

  const expire = () => {
    for (const [id, job] of jobs) if (Date.now() - job.created > JOB_EXPIRY_MS) jobs.delete(id);
  };
  const adfState = () => (fault === 'adf-empty' || feederPages === 0 ? 'ScannerAdfEmpty' : fault === 'cover-open' ? 'ScannerAdfHatchOpen' : fault === 'jam' ? 'ScannerAdfJam' : 'ScannerAdfLoaded');

  const send = (req: IncomingMessage, res: ServerResponse, status: number, body: string | Buffer = '', headers: Record<string, string> = {}) => {
    log.push({ method: req.method ?? '', path: (req.url ?? '').split('?')[0] ?? '', status });
    res.writeHead(status, { 'content-length': String(Buffer.byteLength(body)), ...headers });
    res.end(body);
  };
  const xml = (req: IncomingMessage, res: ServerResponse, body: string) => send(req, res, 200, body, { 'content-type': 'text/xml; charset=utf-8' });

  async function createJob(req: IncomingMessage, res: ServerResponse) {
    let settings: EsclScanSettings;
    try {
      settings = parseScanSettings(await readBody(req));
    } catch (error) {
      if (error instanceof EsclXmlError) return send(req, res, 400, error.message, { 'content-type': 'text/plain; charset=utf-8' });
      throw error;
    }
    if (!SIMULATOR_RESOLUTIONS.includes(settings.resolution)) return send(req, res, 400, `unsupported resolution ${settings.resolution}`);
    if (!SIMULATOR_FORMATS.includes(settings.mimeType)) return send(req, res, 400, `unsupported document format ${settings.mimeType}`);
    expire();
    if (fault === 'busy' || busyFor > 0 || jobs.size > 0) {
      if (busyFor > 0) busyFor -= 1;
      return send(req, res, 503, 'scanner busy', { 'retry-after': '1' });
    }
    if (settings.source === 'adf' && (fault === 'adf-empty' || fault === 'cover-open' || feederPages === 0)) return send(req, res, 409, adfState());
    const id = randomUUID();
    const delay = options.pageDelayMs ?? 0;
    jobs.set(id, { id, settings, pages: settings.source === 'adf' ? feederPages : 1, served: 0, created: Date.now(), readyAt: Date.now() + delay });
    send(req, res, 201, '', { location: `/eSCL/ScanJobs/${id}` });
  }

  async function nextDocument(req: IncomingMessage, res: ServerResponse, job: Job) {
    if (fault === 'timeout') {
      // A hung scanner: the request stays open until the client gives up or the simulator closes.
      log.push({ method: req.method ?? '', path: req.url ?? '', status: 0 });
      return;
    }
    if (job.settings.source === 'adf' && fault === 'jam') {
      jobs.delete(job.id);
      return send(req, res, 409, 'ScannerAdfJam');
    }
    if (job.served >= job.pages) {
      jobs.delete(job.id);
      return send(req, res, 404, 'no more pages');
    }
    if (Date.now() < job.readyAt) return send(req, res, 503, 'page not ready', { 'retry-after': '1' });
    job.served += 1;
    job.readyAt = Date.now() + (options.pageDelayMs ?? 0);
    const page = await encodePage(await render({ settings: job.settings, page: job.served, jobId: job.id }), job.settings);
    send(req, res, 200, page.data, { 'content-type': page.mimeType });
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const method = req.method ?? 'GET';
    if (path === '/eSCL/ScannerCapabilities') {
      return method === 'GET' ? xml(req, res, capabilitiesXml(makeAndModel, uuid)) : send(req, res, 405, '', { allow: 'GET' });
    }
    if (path === '/eSCL/ScannerStatus') {
      if (method !== 'GET') return send(req, res, 405, '', { allow: 'GET' });
      expire();
      const state = fault === 'cover-open' || fault === 'jam' ? 'Stopped' : jobs.size > 0 || fault === 'busy' ? 'Processing' : 'Idle';
      return xml(req, res, statusXml(state, adfState(), [...jobs.values()].map((j) => ({ uri: `/eSCL/ScanJobs/${j.id}`, state: 'Processing', images: j.served }))));
    }
    if (path === '/eSCL/ScanJobs') return method === 'POST' ? createJob(req, res) : send(req, res, 405, '', { allow: 'POST' });
    const match = /^\/eSCL\/ScanJobs\/([0-9a-f-]{36})(\/NextDocument)?$/.exec(path);
    const job = match ? jobs.get(match[1] as string) : undefined;
    if (!match || !job) return send(req, res, 404, 'no such job');
    if (match[2]) return method === 'GET' ? nextDocument(req, res, job) : send(req, res, 405, '', { allow: 'GET' });
    if (method === 'DELETE') {
      jobs.delete(job.id);
      return send(req, res, 200);
    }
    return send(req, res, 405, '', { allow: 'DELETE' });
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) send(req, res, 500, `simulator error: ${errorMessage(error)}`);
      else res.destroy();
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;

  return {
    url: `http://${host}:${address.port}/eSCL`,
    log,
    setFault: (next) => {
      fault = next;
    },
    setFeederPages: (pages) => {
      feederPages = Math.max(0, Math.floor(pages));
    },
    activeJobs: () => {
      expire();
      return jobs.size;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const socket of sockets) socket.destroy();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
