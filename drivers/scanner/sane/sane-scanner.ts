import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ScannerError } from '../errors';
import {
  MIME_TYPES,
  nearest,
  regionOf,
  type ColourMode,
  type ScannedPage,
  type Scanner,
  type ScannerCapabilities,
  type ScannerStatus,
  type ScanOptions,
} from '../types';
import { errorCodeFromStderr, lastProblem, parseDeviceList, parseDeviceOptions, type SaneDevice, type SaneOptions } from './scanimage-output';
import { runScanimage, type RunResult } from './run-scanimage';
import { errorMessage } from '../../../common/errors';

export interface SaneScannerOptions {
  /** SANE device name from the configuration, e.g. `test` or `epson2:net:192.168.1.20`. */
  device: string;
  /** The scanimage binary; default from PATH. */
  command?: string;
  /** Backend-specific options passed through as `--name=value` (e.g. the test backend's `test-picture`). */
  deviceOptions?: Record<string, string>;
  /** Time allowed for `scanimage -A` and `-L`. */
  queryTimeoutMs?: number;
}

const DEFAULT_SCAN_TIMEOUT_MS = 60_000;

export async function listSaneDevices(options: { command?: string; timeoutMs?: number } = {}): Promise<SaneDevice[]> {
  const result = await runScanimage(options.command ?? 'scanimage', ['-L'], { timeoutMs: options.timeoutMs ?? 20_000 });
  if (result.stopped) throw new ScannerError('timeout', 'sane', `scanimage -L gave no answer within ${options.timeoutMs ?? 20_000} ms`);
  return parseDeviceList(result.stdout.toString('utf8'));
}

/** A scanner reached through SANE's `scanimage`, one process per scan. */
export class SaneScanner implements Scanner {
  readonly description: string;
  private readonly command: string;
  private options?: SaneOptions;
  private scanning = false;

  constructor(private readonly config: SaneScannerOptions) {
    this.description = `sane:${config.device}`;
    this.command = config.command ?? 'scanimage';
  }

  private async run(args: string[], timeoutMs: number, signal?: AbortSignal, cwd?: string): Promise<RunResult> {
    try {
      return await runScanimage(this.command, ['-d', this.config.device, ...args], { timeoutMs, signal, cwd, progress: /Scanned page/ });
    } catch (error) {
      throw new ScannerError('unreachable', this.description, `cannot run ${this.command}`, errorMessage(error));
    }
  }

  private failure(result: RunResult, timeoutMs: number, what: string): ScannerError {
    if (result.stopped === 'timeout') return new ScannerError('timeout', this.description, `${what} did not finish within ${timeoutMs} ms; scanimage was stopped`);
    if (result.stopped === 'aborted') return new ScannerError('cancelled', this.description, `${what} was cancelled`);
    const problem = lastProblem(result.stderr);
    const code = errorCodeFromStderr(result.stderr);
    if (code === 'invalid-request' && /open of device/.test(problem)) {
      return new ScannerError('unreachable', this.description, 'no such SANE device or it cannot be opened', problem);
    }
    return new ScannerError(code, this.description, `${what} failed (exit ${result.code ?? result.signal})`, problem);
  }

  private async deviceOptions(signal?: AbortSignal): Promise<SaneOptions> {
    if (this.options) return this.options;
    const timeoutMs = this.config.queryTimeoutMs ?? 20_000;
    const result = await this.run(['-A'], timeoutMs, signal);
    if (result.code !== 0 || result.stopped) throw this.failure(result, timeoutMs, 'reading the device options');
    this.options = parseDeviceOptions(result.stdout.toString('utf8'));
    return this.options;
  }

  async capabilities(signal?: AbortSignal): Promise<ScannerCapabilities> {
    const options = await this.deviceOptions(signal);
    return {
      makeAndModel: this.config.device,
      sources: options.sources.length ? [...new Set(options.sources.map((s) => s.source))] : ['flatbed'],
      resolutions: options.resolutions,
      modes: [...new Set(options.modes.map((m) => m.mode))],
      formats: ['png', 'jpeg', 'pnm', 'tiff'],
      maxWidth: options.maxWidth,
      maxHeight: options.maxHeight,
    };
  }

  /** SANE has no status call: a device that opens and lists its options is idle. */
  async status(signal?: AbortSignal): Promise<ScannerStatus> {
    if (this.scanning) return { state: 'processing' };
    const timeoutMs = this.config.queryTimeoutMs ?? 20_000;
    const result = await this.run(['-A'], timeoutMs, signal);
    if (result.code === 0 && !result.stopped) return { state: 'idle' };
    const error = this.failure(result, timeoutMs, 'reading the status');
    return { state: error.code === 'busy' ? 'processing' : 'down', detail: error.message };
  }

  async scan(options: ScanOptions = {}, signal?: AbortSignal): Promise<ScannedPage[]> {
    if (this.scanning) throw new ScannerError('busy', this.description, 'a scan is already running on this scanner');
    this.scanning = true;
    try {
      return await this.scanOnce(options, signal);
    } finally {
      this.scanning = false;
    }
  }

  private async scanOnce(options: ScanOptions, signal?: AbortSignal): Promise<ScannedPage[]> {
    const device = await this.deviceOptions(signal);
    const source = options.source ?? 'flatbed';
    const args: string[] = [];
    const saneSource = device.sources.find((s) => s.source === source)?.sane;
    if (device.sources.length > 0) {
      if (!saneSource) throw new ScannerError('invalid-request', this.description, `no ${source} on this scanner`, `sources: ${device.sources.map((s) => s.sane).join(', ')}`);
      args.push('--source', saneSource);
    } else if (source === 'adf') {
      throw new ScannerError('invalid-request', this.description, 'no document feeder on this scanner');
    }
    const mode: ColourMode = options.mode ?? 'colour';
    const saneMode = device.modes.find((m) => m.mode === mode)?.sane;
    if (device.modes.length > 0) {
      if (!saneMode) throw new ScannerError('invalid-request', this.description, `no ${mode} mode on this scanner`, `modes: ${device.modes.map((m) => m.sane).join(', ')}`);
      args.push('--mode', saneMode);
    }
    const resolution = device.resolutions.length ? nearest(device.resolutions, options.resolution ?? 300) : (options.resolution ?? 300);
    if (device.names.has('resolution')) args.push('--resolution', String(resolution));
    if (device.maxWidth > 0 && device.maxHeight > 0) {
      const region = regionOf(options.area, device.maxWidth, device.maxHeight);
      args.push('-l', String(region.x), '-t', String(region.y), '-x', String(region.width), '-y', String(region.height));
    }
    for (const [name, value] of Object.entries(this.config.deviceOptions ?? {})) args.push(`--${name}=${value}`);

    const format = options.format ?? 'png';
    const extension = format === 'jpeg' ? 'jpg' : 'png';
    const feedAll = source === 'adf' && options.multiPage === true;
    const dir = await mkdtemp(path.join(tmpdir(), 'tongban-scan-'));
    const timeoutMs = options.timeoutMs ?? DEFAULT_SCAN_TIMEOUT_MS;
    try {
      args.push(`--format=${format}`, `--batch=page%04d.${extension}`);
      // Without a count scanimage keeps scanning a flatbed for ever; a feeder ends when it is empty.
      if (!feedAll) args.push('--batch-count=1');
      const result = await this.run(args, timeoutMs, signal, dir);
      if (result.code !== 0 || result.stopped) throw this.failure(result, timeoutMs, 'the scan');
      const files = (await readdir(dir)).filter((f) => f.startsWith('page')).sort();
      if (files.length === 0) throw new ScannerError('no-paper', this.description, 'the scan produced no page', lastProblem(result.stderr));
      return await Promise.all(
        files.map(async (file) => ({ data: await readFile(path.join(dir, file)), format, mimeType: MIME_TYPES[format], resolution })),
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
}
