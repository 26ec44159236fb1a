import { XMLBuilder, XMLParser } from 'fast-xml-parser';
import type { ColourMode, PageFormat, ScanSource, ScannerCapabilities, ScannerState, ScannerStatus } from '../types';
import { errorMessage } from '../../../common/errors';

export const SCAN_NS = 'http://schemas.hp.com/imaging/escl/2011/05/03';
export const PWG_NS = 'http://www.pwg.org/schemas/2010/12/sm';

/** eSCL lengths are in three-hundredths of an inch. */
export const MM_PER_UNIT = 25.4 / 300;
export const mmToUnits = (mm: number) => Math.round(mm / MM_PER_UNIT);
export const unitsToMm = (units: number) => Math.round(units * MM_PER_UNIT * 10) / 10;

const REPEATED = new Set(['DiscreteResolution', 'ColorMode', 'DocumentFormat', 'DocumentFormatExt', 'SettingProfile', 'JobInfo', 'ScanRegion']);

const parser = new XMLParser({
  removeNSPrefix: true,
  ignoreAttributes: true,
  parseTagValue: false,
  isArray: (name) => REPEATED.has(name),
});

export class EsclXmlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EsclXmlError';
  }
}

type Node = Record<string, unknown>;

function child(node: unknown, name: string): Node | undefined {
  const value = (node as Node | undefined)?.[name];
  return value && typeof value === 'object' ? (value as Node) : undefined;
}

function text(node: unknown, name: string): string | undefined {
  const raw = (node as Node | undefined)?.[name];
  const value: unknown = Array.isArray(raw) ? raw[0] : raw;
  return typeof value === 'string' || typeof value === 'number' ? String(value).trim() : undefined;
}

function list(node: unknown, name: string): unknown[] {
  const value = (node as Node | undefined)?.[name];
  return Array.isArray(value) ? value : value === undefined ? [] : [value];
}

function parseRoot(xml: string, root: string): Node {
  let doc: Node;
  try {
    doc = parser.parse(xml) as Node;
  } catch (error) {
    throw new EsclXmlError(`malformed ${root} XML: ${errorMessage(error)}`);
  }
  const node = child(doc, root);
  if (!node) throw new EsclXmlError(`expected a ${root} document, got <${Object.keys(doc).find((k) => !k.startsWith('?')) ?? 'nothing'}>`);
  return node;
}

const MODES: Record<string, ColourMode> = { RGB24: 'colour', RGB48: 'colour', Grayscale8: 'grey', Grayscale16: 'grey', BlackAndWhite1: 'lineart' };
export const ESCL_MODE: Record<ColourMode, string> = { colour: 'RGB24', grey: 'Grayscale8', lineart: 'BlackAndWhite1' };

const FORMATS: Record<string, PageFormat> = { 'image/jpeg': 'jpeg', 'image/png': 'png', 'image/tiff': 'tiff', 'application/pdf': 'pdf' };

export interface EsclCapabilities extends ScannerCapabilities {
  /** Per source, what it accepts (a feeder may offer fewer resolutions than the platen). */
  inputs: Partial<Record<ScanSource, { resolutions: number[]; modes: ColourMode[]; formats: string[]; maxWidth: number; maxHeight: number }>>;
}

function inputCaps(caps: Node | undefined) {
  if (!caps) return undefined;
  const profiles = list(child(caps, 'SettingProfiles'), 'SettingProfile');
  const modes = new Set<ColourMode>();
  const formats = new Set<string>();
  const resolutions = new Set<number>();
  for (const profile of profiles) {
    for (const mode of list(child(profile, 'ColorModes'), 'ColorMode')) {
      const known = MODES[String(mode)];
      if (known) modes.add(known);
    }
    for (const format of [...list(child(profile, 'DocumentFormats'), 'DocumentFormat'), ...list(child(profile, 'DocumentFormats'), 'DocumentFormatExt')]) formats.add(String(format));
    for (const res of list(child(child(profile, 'SupportedResolutions'), 'DiscreteResolutions'), 'DiscreteResolution')) {
      const x = Number(text(res, 'XResolution'));
      if (x > 0) resolutions.add(x);
    }
  }
  return {
    resolutions: [...resolutions].sort((a, b) => a - b),
    modes: [...modes],
    formats: [...formats],
    maxWidth: unitsToMm(Number(text(caps, 'MaxWidth') ?? 0)),
    maxHeight: unitsToMm(Number(text(caps, 'MaxHeight') ?? 0)),
  };
}

export function parseCapabilities(xml: string): EsclCapabilities {
  const root = parseRoot(xml, 'ScannerCapabilities');
  const platen = inputCaps(child(child(root, 'Platen'), 'PlatenInputCaps'));
  const adf = inputCaps(child(child(root, 'Adf'), 'AdfSimplexInputCaps'));
  const inputs: EsclCapabilities['inputs'] = {};
  if (platen) inputs.flatbed = platen;
  if (adf) inputs.adf = adf;
  const all = [platen, adf].filter((x) => x !== undefined);
  if (all.length === 0) throw new EsclXmlError('ScannerCapabilities lists neither a platen nor a feeder');
  const formats = new Set<PageFormat>();
  for (const input of all) for (const f of input.formats) if (FORMATS[f]) formats.add(FORMATS[f]);
  return {
    makeAndModel: text(root, 'MakeAndModel') ?? 'eSCL scanner',
    sources: Object.keys(inputs) as ScanSource[],
    resolutions: [...new Set(all.flatMap((i) => i.resolutions))].sort((a, b) => a - b),
    modes: [...new Set(all.flatMap((i) => i.modes))],
    formats: [...formats],
    maxWidth: Math.max(...all.map((i) => i.maxWidth)),
    maxHeight: Math.max(...all.map((i) => i.maxHeight)),
    inputs,
  };
}

const STATES: Record<string, ScannerState> = { Idle: 'idle', Processing: 'processing', Testing: 'processing', Stopped: 'stopped', Down: 'down' };

export interface EsclStatus extends ScannerStatus {
  adfState?: string;
}

export function parseStatus(xml: string): EsclStatus {
  const root = parseRoot(xml, 'ScannerStatus');
  const state = text(root, 'State');
  if (!state || !STATES[state]) throw new EsclXmlError(`ScannerStatus has an unknown State "${state ?? ''}"`);
  const adfState = text(root, 'AdfState');
  const status: EsclStatus = { state: STATES[state] };
  if (adfState) {
    status.adfState = adfState;
    status.adfLoaded = adfState === 'ScannerAdfLoaded';
    if (adfState !== 'ScannerAdfLoaded' && adfState !== 'ScannerAdfEmpty') status.detail = adfState;
  }
  return status;
}

export interface EsclScanSettings {
  source: ScanSource;
  mode: ColourMode;
  resolution: number;
  mimeType: string;
  /** Millimetres. */
  region: { x: number; y: number; width: number; height: number };
}

const builders = {
  suppress: new XMLBuilder({ ignoreAttributes: false, format: true, suppressEmptyNode: true }),
  keep: new XMLBuilder({ ignoreAttributes: false, format: true }),
};

/**
 * One eSCL document (the client's scan settings, the simulator's capabilities and status): the
 * XML declaration, then `root` with the scan and pwg namespaces and protocol version 2.6, then `body`.
 */
export function esclDocument(root: string, body: Record<string, unknown>, emptyNodes: keyof typeof builders = 'suppress'): string {
  return builders[emptyNodes].build({
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    [root]: { '@_xmlns:scan': SCAN_NS, '@_xmlns:pwg': PWG_NS, 'pwg:Version': '2.6', ...body },
  }) as string;
}

export function buildScanSettings(settings: EsclScanSettings): string {
  return esclDocument('scan:ScanSettings', {
    'pwg:ScanRegions': {
      'pwg:ScanRegion': {
        'pwg:ContentRegionUnits': 'escl:ThreeHundredthsOfInches',
        'pwg:XOffset': mmToUnits(settings.region.x),
        'pwg:YOffset': mmToUnits(settings.region.y),
        'pwg:Width': mmToUnits(settings.region.width),
        'pwg:Height': mmToUnits(settings.region.height),
      },
    },
    'pwg:InputSource': settings.source === 'adf' ? 'Feeder' : 'Platen',
    'scan:ColorMode': ESCL_MODE[settings.mode],
    'scan:XResolution': settings.resolution,
    'scan:YResolution': settings.resolution,
    'pwg:DocumentFormat': settings.mimeType,
    'scan:DocumentFormatExt': settings.mimeType,
  });
}

/** The simulator's side: what a client asked for, validated. */
export function parseScanSettings(xml: string): EsclScanSettings {
  const root = parseRoot(xml, 'ScanSettings');
  const region = list(child(root, 'ScanRegions'), 'ScanRegion')[0];
  const num = (node: unknown, name: string, fallback?: number): number => {
    const raw = text(node, name);
    const value = raw === undefined ? fallback : Number(raw);
    if (value === undefined || !Number.isFinite(value) || value < 0) throw new EsclXmlError(`ScanSettings ${name} "${raw ?? ''}" is not a non-negative number`);
    return value;
  };
  const source = text(root, 'InputSource') ?? 'Platen';
  if (source !== 'Platen' && source !== 'Feeder') throw new EsclXmlError(`ScanSettings InputSource "${source}" is not Platen or Feeder`);
  const modeName = text(root, 'ColorMode') ?? 'RGB24';
  const mode = MODES[modeName];
  if (!mode) throw new EsclXmlError(`ScanSettings ColorMode "${modeName}" is not supported`);
  const resolution = num(root, 'XResolution', 300);
  return {
    source: source === 'Feeder' ? 'adf' : 'flatbed',
    mode,
    resolution,
    mimeType: text(root, 'DocumentFormatExt') ?? text(root, 'DocumentFormat') ?? 'image/jpeg',
    region: {
      x: unitsToMm(num(region, 'XOffset', 0)),
      y: unitsToMm(num(region, 'YOffset', 0)),
      width: unitsToMm(num(region, 'Width', 2480)),
      height: unitsToMm(num(region, 'Height', 3508)),
    },
  };
}
