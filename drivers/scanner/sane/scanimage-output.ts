import type { ColourMode, ScanSource } from '../types';
import type { ScannerErrorCode } from '../errors';

export interface SaneDevice {
  name: string;
  description: string;
}

/** `scanimage -L`: "device `test:0' is a Noname frame test range scanner". */
export function parseDeviceList(output: string): SaneDevice[] {
  const devices: SaneDevice[] = [];
  for (const line of output.split('\n')) {
    const match = /^device [`'‘](.+?)['’] is an? (.+)$/u.exec(line.trim());
    if (match) devices.push({ name: match[1] as string, description: match[2] as string });
  }
  return devices;
}

export interface SaneOptions {
  modes: { sane: string; mode: ColourMode }[];
  sources: { sane: string; source: ScanSource }[];
  resolutions: number[];
  /** Largest -x and -y in millimetres. */
  maxWidth: number;
  maxHeight: number;
  /** Every option name the backend offers, to pass only ones it knows. */
  names: Set<string>;
}

function colourMode(sane: string): ColourMode | undefined {
  const lower = sane.toLowerCase();
  if (lower.includes('color') || lower.includes('colour')) return 'colour';
  if (lower.includes('gray') || lower.includes('grey')) return 'grey';
  if (lower.includes('lineart') || lower.includes('binary') || lower.includes('halftone')) return 'lineart';
  return undefined;
}

function scanSource(sane: string): ScanSource | undefined {
  const lower = sane.toLowerCase();
  if (lower.includes('flatbed') || lower.includes('platen')) return 'flatbed';
  if (lower.includes('adf') || lower.includes('feeder')) return 'adf';
  return undefined;
}

/** Values of an option line: `--mode Gray|Color [Gray]` or `--resolution 1..1200dpi (in steps of 1) [50]`. */
function optionValues(line: string): string {
  return line.replace(/^\s*(--[\w-]+|-\w)\s*/, '').replace(/\s*\[[^\]]*\]\s*$/, '').trim();
}

/** Standard resolutions a range offers, so a range of 1..1200 does not read as 1200 choices. */
const COMMON_RESOLUTIONS = [75, 100, 150, 200, 240, 300, 400, 600, 1200];

function resolutions(values: string): number[] {
  const range = /^(\d+)\.\.(\d+)\s*dpi/.exec(values);
  if (range) {
    const [min, max] = [Number(range[1]), Number(range[2])];
    return COMMON_RESOLUTIONS.filter((r) => r >= min && r <= max);
  }
  return values
    .replace(/dpi.*$/, '')
    .split('|')
    .map(Number)
    .filter((n) => Number.isFinite(n) && n > 0);
}

function rangeMax(values: string): number {
  const range = /\.\.([\d.]+)\s*mm/.exec(values);
  return range ? Number(range[1]) : 0;
}

/** `scanimage -d DEV -A`: the options the backend offers, as far as the driver uses them. */
export function parseDeviceOptions(output: string): SaneOptions {
  const parsed: SaneOptions = { modes: [], sources: [], resolutions: [], maxWidth: 0, maxHeight: 0, names: new Set() };
  for (const line of output.split('\n')) {
    const name = /^\s*(--[\w-]+|-\w)\b/.exec(line)?.[1];
    if (!name) continue;
    parsed.names.add(name.replace(/^-+/, ''));
    const values = optionValues(line);
    if (name === '--mode') {
      parsed.modes = values.split('|').flatMap((sane) => {
        const mode = colourMode(sane);
        return mode ? [{ sane, mode }] : [];
      });
    } else if (name === '--source') {
      parsed.sources = values.split('|').flatMap((sane) => {
        const source = scanSource(sane);
        return source ? [{ sane, source }] : [];
      });
    } else if (name === '--resolution') {
      parsed.resolutions = resolutions(values);
    } else if (name === '-x') {
      parsed.maxWidth = rangeMax(values);
    } else if (name === '-y') {
      parsed.maxHeight = rangeMax(values);
    }
  }
  return parsed;
}

/** SANE status texts (sane_strstatus) as scanimage prints them, to the driver's error codes. */
const STATUS_TEXTS: [RegExp, ScannerErrorCode][] = [
  [/device busy/i, 'busy'],
  [/cover is open/i, 'cover-open'],
  [/feeder out of documents|no documents/i, 'no-paper'],
  [/jammed/i, 'jammed'],
  [/operation was cancel+ed/i, 'cancelled'],
  [/invalid argument|operation not supported|attempt to decode value/i, 'invalid-request'],
];

export function errorCodeFromStderr(stderr: string): ScannerErrorCode {
  for (const [pattern, code] of STATUS_TEXTS) if (pattern.test(stderr)) return code;
  return 'device-error';
}

/** The last line scanimage wrote that says what went wrong. */
export function lastProblem(stderr: string): string {
  const lines = stderr.split('\n').map((l) => l.trim()).filter((l) => l.startsWith('scanimage:'));
  return (lines.at(-1) ?? stderr.trim().split('\n').at(-1) ?? '').replace(/^scanimage:\s*/, '');
}
