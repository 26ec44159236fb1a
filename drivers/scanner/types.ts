/** One scanner, whatever it speaks (SANE through scanimage, eSCL over HTTP). */
export interface Scanner {
  /** What the device can do: sources, resolutions, colour modes, the largest area. */
  capabilities(signal?: AbortSignal): Promise<ScannerCapabilities>;
  status(signal?: AbortSignal): Promise<ScannerStatus>;
  /** Scan one page from the flatbed, or every page in the feeder when `multiPage`. */
  scan(options?: ScanOptions, signal?: AbortSignal): Promise<ScannedPage[]>;
  /** A short name for errors and the technician's screen (device name or URL). */
  readonly description: string;
}

export type ScanSource = 'flatbed' | 'adf';
export type ColourMode = 'colour' | 'grey' | 'lineart';
export type PageFormat = 'png' | 'jpeg' | 'tiff' | 'pnm' | 'pdf';

/** Millimetres from the top-left corner of the scan area. */
export interface ScanRegion {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const PAGE_SIZES = {
  a4: { width: 210, height: 297 },
  a5: { width: 148, height: 210 },
  letter: { width: 215.9, height: 279.4 },
  /** The household register booklet page. */
  hukou: { width: 143, height: 105 },
} as const;
export type PageSize = keyof typeof PAGE_SIZES;

export interface ScanOptions {
  /** Dots per inch; the nearest the device supports is used. Default 300. */
  resolution?: number;
  mode?: ColourMode;
  /** A named size from the top-left corner, or an explicit region; default the whole area. */
  area?: PageSize | ScanRegion;
  source?: ScanSource;
  /** From the feeder: keep scanning until it is empty. */
  multiPage?: boolean;
  /** Preferred file format; a device that cannot produce it yields one it can. */
  format?: 'png' | 'jpeg';
  /** Give up after this long without a page. Default 60 s. */
  timeoutMs?: number;
}

export interface ScannedPage {
  data: Buffer;
  format: PageFormat;
  mimeType: string;
  resolution: number;
}

export interface ScannerCapabilities {
  makeAndModel: string;
  sources: ScanSource[];
  resolutions: number[];
  modes: ColourMode[];
  formats: PageFormat[];
  /** Largest scan area in millimetres. */
  maxWidth: number;
  maxHeight: number;
}

export type ScannerState = 'idle' | 'processing' | 'stopped' | 'down';

export interface ScannerStatus {
  state: ScannerState;
  /** Whether a page sits in the feeder, when the device can tell. */
  adfLoaded?: boolean;
  /** Device words for anything unusual (eSCL AdfState, SANE status text). */
  detail?: string;
}

export const MIME_TYPES: Record<PageFormat, string> = {
  png: 'image/png',
  jpeg: 'image/jpeg',
  tiff: 'image/tiff',
  pnm: 'image/x-portable-anymap',
  pdf: 'application/pdf',
};

export function regionOf(area: ScanOptions['area'], maxWidth: number, maxHeight: number): ScanRegion {
  if (area === undefined) return { x: 0, y: 0, width: maxWidth, height: maxHeight };
  const region = typeof area === 'string' ? { x: 0, y: 0, ...PAGE_SIZES[area] } : area;
  return {
    x: Math.max(0, region.x),
    y: Math.max(0, region.y),
    width: Math.min(region.width, maxWidth - Math.max(0, region.x)),
    height: Math.min(region.height, maxHeight - Math.max(0, region.y)),
  };
}

/** The supported value closest to the wanted one; between two equally close, the finer. */
export function nearest(values: number[], wanted: number): number {
  return values.reduce((best, value) => {
    const [d, bestD] = [Math.abs(value - wanted), Math.abs(best - wanted)];
    return d < bestD || (d === bestD && value > best) ? value : best;
  }, values[0] ?? wanted);
}
