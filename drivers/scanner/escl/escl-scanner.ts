import { setTimeout as sleep } from 'node:timers/promises';
import { Backoff } from '../../../common/backoff';
import { errorMessage, fetchFailureReason } from '../../../common/errors';
import { ScannerError, type ScannerErrorCode } from '../errors';
import { MIME_TYPES, nearest, regionOf, type PageFormat, type ScannedPage, type Scanner, type ScanOptions, type ScannerStatus } from '../types';
import { buildScanSettings, EsclXmlError, parseCapabilities, parseStatus, type EsclCapabilities } from './escl-xml';

export interface EsclScannerOptions {
  /** Base URL of the scanner's eSCL root, e.g. `http://192.168.1.30/eSCL`. */
  url: string;
  /** Time allowed for one HTTP request that is not a page (capabilities, status, job creation). */
  requestTimeoutMs?: number;
  /** How often a busy scanner (503) is asked again before giving up. */
  busyRetries?: number;
  /** First wait after a 503; doubled each time. */
  retryDelayMs?: number;
}

const DEFAULT_SCAN_TIMEOUT_MS = 60_000;

const FORMAT_OF_MIME: Record<string, PageFormat> = { 'image/jpeg': 'jpeg', 'image/png': 'png', 'image/tiff': 'tiff', 'application/pdf': 'pdf' };

/** Feeder states (eSCL AdfState) that explain a refused or empty job. */
const ADF_PROBLEMS: Record<string, ScannerErrorCode> = {
  ScannerAdfEmpty: 'no-paper',
  ScannerAdfJam: 'jammed',
  ScannerAdfHatchOpen: 'cover-open',
  ScannerAdfDoorOpen: 'cover-open',
  ScannerAdfMispick: 'jammed',
  ScannerAdfMultipickDetected: 'jammed',
};

/**
 * A network scanner over eSCL (AirScan): capabilities and status by GET, a job by POST to
 * ScanJobs (201 with its Location), pages by GET NextDocument until 404, DELETE to cancel.
 * Every request carries a deadline; a job that fails or is abandoned is deleted on the scanner.
 */
export class EsclScanner implements Scanner {
  readonly description: string;
  private readonly base: URL;
  private caps?: EsclCapabilities;

  constructor(private readonly config: EsclScannerOptions) {
    this.base = new URL(config.url.endsWith('/') ? config.url : `${config.url}/`);
    this.description = `escl:${this.base.href}`;
  }

  private get requestTimeoutMs(): number {
    return this.config.requestTimeoutMs ?? 10_000;
  }

  private async request(url: URL, init: RequestInit, timeoutMs: number, signal?: AbortSignal): Promise<Response> {
    const deadline = AbortSignal.timeout(timeoutMs);
    const combined = signal ? AbortSignal.any([signal, deadline]) : deadline;
    try {
      return await fetch(url, { ...init, signal: combined });
    } catch (error) {
      if (signal?.aborted) throw new ScannerError('cancelled', this.description, `${init.method ?? 'GET'} ${url.pathname} was cancelled`);
      if (deadline.aborted) throw new ScannerError('timeout', this.description, `${init.method ?? 'GET'} ${url.pathname} got no answer within ${timeoutMs} ms`);
      throw new ScannerError('unreachable', this.description, `${init.method ?? 'GET'} ${url.pathname} failed`, fetchFailureReason(error));
    }
  }

  private async readBody(response: Response, url: URL, timeoutMs: number): Promise<Buffer> {
    try {
      return Buffer.from(await response.arrayBuffer());
    } catch (error) {
      const name = (error as Error).name;
      if (name === 'TimeoutError' || name === 'AbortError') throw new ScannerError('timeout', this.description, `GET ${url.pathname}: the body did not arrive within ${timeoutMs} ms`);
      throw new ScannerError('device-error', this.description, `GET ${url.pathname}: the body broke off`, errorMessage(error));
    }
  }

  private async getXml(name: string, signal?: AbortSignal): Promise<string> {
    const url = new URL(name, this.base);
    const response = await this.request(url, { method: 'GET' }, this.requestTimeoutMs, signal);
    const body = await this.readBody(response, url, this.requestTimeoutMs);
    if (response.status === 503) throw new ScannerError('busy', this.description, `${name} answered 503`);
    if (!response.ok) throw new ScannerError('device-error', this.description, `GET ${url.pathname} answered ${response.status}`);
    return body.toString('utf8');
  }

  private protocolError(error: unknown): never {
    if (error instanceof EsclXmlError) throw new ScannerError('device-error', this.description, error.message);
    throw error;
  }

  async capabilities(signal?: AbortSignal): Promise<EsclCapabilities> {
    if (this.caps) return this.caps;
    const xml = await this.getXml('ScannerCapabilities', signal);
    try {
      this.caps = parseCapabilities(xml);
    } catch (error) {
      this.protocolError(error);
    }
    return this.caps;
  }

  async status(signal?: AbortSignal): Promise<ScannerStatus> {
    const xml = await this.getXml('ScannerStatus', signal);
    try {
      const { adfState: _adfState, ...status } = parseStatus(xml);
      return status;
    } catch (error) {
      this.protocolError(error);
    }
  }

  /** Why the scanner refused a job, from its status when it says more than the HTTP code. */
  private async refusal(httpStatus: number, signal?: AbortSignal): Promise<ScannerError> {
    try {
      const status = parseStatus(await this.getXml('ScannerStatus', signal));
      const code = status.adfState ? ADF_PROBLEMS[status.adfState] : undefined;
      if (code) return new ScannerError(code, this.description, `the scanner refused the job (${httpStatus})`, status.adfState);
      if (status.state === 'down' || status.state === 'stopped') return new ScannerError('device-error', this.description, `the scanner refused the job (${httpStatus})`, `state ${status.state}`);
    } catch {
      // The refusal itself is the error worth reporting; a failed status read adds nothing.
    }
    return new ScannerError(httpStatus === 409 ? 'busy' : 'invalid-request', this.description, `the scanner refused the job (${httpStatus})`);
  }

  /** After a 503 (busy, or the page still being scanned): retryDelayMs, doubling up to `capMs`. */
  private busyBackoff(capMs: number): Backoff {
    return new Backoff({ baseMs: this.config.retryDelayMs ?? 500, capMs });
  }

  private async wait(ms: number, signal?: AbortSignal): Promise<void> {
    try {
      await sleep(ms, undefined, { signal });
    } catch {
      throw new ScannerError('cancelled', this.description, 'the scan was cancelled');
    }
  }

  private async createJob(settings: string, signal?: AbortSignal): Promise<URL> {
    const retries = this.config.busyRetries ?? 5;
    const backoff = this.busyBackoff(Number.POSITIVE_INFINITY);
    for (let attempt = 0; ; attempt += 1) {
      const url = new URL('ScanJobs', this.base);
      const response = await this.request(url, { method: 'POST', headers: { 'content-type': 'text/xml' }, body: settings }, this.requestTimeoutMs, signal);
      await response.arrayBuffer().catch(() => undefined);
      if (response.status === 201) {
        const location = response.headers.get('location');
        if (!location) throw new ScannerError('device-error', this.description, 'POST ScanJobs answered 201 without a Location');
        return new URL(location, this.base);
      }
      if (response.status === 503) {
        if (attempt >= retries) throw new ScannerError('busy', this.description, `the scanner stayed busy through ${retries + 1} attempts`);
        const retryAfter = Number(response.headers.get('retry-after'));
        const delay = backoff.next();
        await this.wait(Number.isFinite(retryAfter) && retryAfter > 0 ? Math.min(retryAfter * 1000, delay * 4) : delay, signal);
        continue;
      }
      throw await this.refusal(response.status, signal);
    }
  }

  private async cancelJob(job: URL): Promise<void> {
    try {
      const response = await this.request(job, { method: 'DELETE' }, 5_000);
      await response.arrayBuffer().catch(() => undefined);
    } catch {
      // The job is being abandoned because of an earlier error, which is the one to report.
    }
  }

  async scan(options: ScanOptions = {}, signal?: AbortSignal): Promise<ScannedPage[]> {
    const caps = await this.capabilities(signal);
    const source = options.source ?? 'flatbed';
    const input = caps.inputs[source];
    if (!input) throw new ScannerError('invalid-request', this.description, `no ${source} on this scanner`, `sources: ${caps.sources.join(', ')}`);
    const mode = options.mode ?? 'colour';
    if (input.modes.length && !input.modes.includes(mode)) throw new ScannerError('invalid-request', this.description, `no ${mode} mode for the ${source}`);
    const wanted = MIME_TYPES[options.format ?? 'jpeg'];
    const mimeType = input.formats.includes(wanted) ? wanted : (input.formats.find((f) => FORMAT_OF_MIME[f]) ?? 'image/jpeg');
    const resolution = input.resolutions.length ? nearest(input.resolutions, options.resolution ?? 300) : (options.resolution ?? 300);
    const settings = buildScanSettings({ source, mode, resolution, mimeType, region: regionOf(options.area, input.maxWidth, input.maxHeight) });

    const job = await this.createJob(settings, signal);
    const pages: ScannedPage[] = [];
    const timeoutMs = options.timeoutMs ?? DEFAULT_SCAN_TIMEOUT_MS;
    const wantAll = source === 'adf' && options.multiPage === true;
    try {
      const backoff = this.busyBackoff(4_000);
      let notReadySince = Date.now();
      while (wantAll || pages.length === 0) {
        const url = new URL(`${job.pathname.replace(/\/$/, '')}/NextDocument`, job);
        const response = await this.request(url, { method: 'GET' }, timeoutMs, signal);
        if (response.status === 404) {
          await response.arrayBuffer().catch(() => undefined);
          break;
        }
        if (response.status === 503) {
          // The page is still being scanned: ask again, within the same deadline.
          await response.arrayBuffer().catch(() => undefined);
          if (Date.now() - notReadySince > timeoutMs) throw new ScannerError('timeout', this.description, `no page within ${timeoutMs} ms`);
          await this.wait(backoff.next(), signal);
          continue;
        }
        if (!response.ok) {
          await response.arrayBuffer().catch(() => undefined);
          throw await this.refusal(response.status, signal);
        }
        const data = await this.readBody(response, url, timeoutMs);
        const type = (response.headers.get('content-type') ?? mimeType).split(';')[0]?.trim() ?? mimeType;
        const format = FORMAT_OF_MIME[type] ?? FORMAT_OF_MIME[mimeType] ?? 'jpeg';
        pages.push({ data, format, mimeType: MIME_TYPES[format], resolution });
        notReadySince = Date.now();
        backoff.reset();
      }
      if (pages.length === 0) {
        const refusal = await this.refusal(404, signal);
        throw refusal.code === 'invalid-request' ? new ScannerError('no-paper', this.description, 'the job ended without a page') : refusal;
      }
      if (!wantAll) await this.cancelJob(job);
      return pages;
    } catch (error) {
      await this.cancelJob(job);
      throw error;
    }
  }
}
