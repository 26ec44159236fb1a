/**
 * printer-state-reasons (RFC 8011 §5.4.12): a keyword, optionally followed by -report, -warning
 * or -error. The keyword says what is wrong; the suffix says how much the printer thinks it
 * matters. Keywords are matched by prefix of the registered name, so `media-empty-error`,
 * `media-empty-report` and `media-empty` all mean "no paper".
 */
export type ReasonSeverity = 'report' | 'warning' | 'error';

export interface PrinterReason {
  /** As the printer sent it, for the technician. */
  raw: string;
  keyword: string;
  severity: ReasonSeverity;
}

export function parseReason(raw: string): PrinterReason {
  const match = /^(.*?)-(report|warning|error)$/.exec(raw);
  // RFC 8011: a reason without a suffix is to be taken as an error.
  return match ? { raw, keyword: match[1] as string, severity: match[2] as ReasonSeverity } : { raw, keyword: raw, severity: 'error' };
}

/** What a condition means for the kiosk, independent of the printer's wording. */
export type PrinterCondition =
  | 'media-empty'
  | 'media-jam'
  | 'door-open'
  | 'toner-empty'
  | 'offline'
  | 'paused'
  | 'not-accepting'
  | 'stopped'
  | 'other-error'
  | 'pdf-not-supported'
  | 'media-low'
  | 'toner-low';

/** Conditions that stop a print; the others are warnings for the technician. */
export const BLOCKING_CONDITIONS: ReadonlySet<PrinterCondition> = new Set([
  'media-empty',
  'media-jam',
  'door-open',
  'toner-empty',
  'offline',
  'paused',
  'not-accepting',
  'stopped',
  'other-error',
  'pdf-not-supported',
]);

const KEYWORDS: [string, PrinterCondition][] = [
  ['media-empty', 'media-empty'],
  ['media-needed', 'media-empty'],
  ['input-tray-missing', 'media-empty'],
  ['media-jam', 'media-jam'],
  ['door-open', 'door-open'],
  ['cover-open', 'door-open'],
  ['interlock-open', 'door-open'],
  ['toner-empty', 'toner-empty'],
  ['marker-supply-empty', 'toner-empty'],
  ['offline', 'offline'],
  ['shutdown', 'offline'],
  ['timed-out', 'offline'],
  ['connecting-to-device', 'offline'],
  ['paused', 'paused'],
  ['moving-to-paused', 'paused'],
  ['media-low', 'media-low'],
  ['toner-low', 'toner-low'],
  ['marker-supply-low', 'toner-low'],
];

/**
 * A known physical condition counts whatever its suffix: the terminal has one tray and no one
 * standing at the printer, and ippeveprinter, like some real printers, reports an empty tray
 * as `media-empty-report`. An unknown keyword stops printing only when the printer calls it an
 * error.
 */
export function conditionOf(reason: PrinterReason): PrinterCondition | undefined {
  if (reason.keyword === 'none') return undefined;
  const known = KEYWORDS.find(([prefix]) => reason.keyword === prefix || reason.keyword.startsWith(`${prefix}-`));
  if (known) return known[1];
  return reason.severity === 'error' ? 'other-error' : undefined;
}
