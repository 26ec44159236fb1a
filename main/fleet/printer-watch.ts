import type { DeviceCondition } from '../../contract/platform/fleet';
import type { DocumentPrinter, PrinterCondition } from '../../drivers/ipp';
import type { ReceiptCondition } from '../../drivers/escpos';

/** The fleet's words for what an IPP printer reports. */
const FROM_IPP: Partial<Record<PrinterCondition, DeviceCondition>> = {
  'media-empty': 'paper-out',
  'media-low': 'paper-near-end',
  'door-open': 'cover-open',
  'media-jam': 'jam',
  offline: 'offline',
  'toner-empty': 'toner-out',
  'toner-low': 'toner-low',
};

/** …and for what an ESC/POS ticket printer reports. */
const FROM_ESCPOS: Partial<Record<ReceiptCondition, DeviceCondition>> = {
  'paper-out': 'paper-out',
  'paper-near-end': 'paper-near-end',
  'cover-open': 'cover-open',
  offline: 'offline',
};

export const ippConditions = (conditions: readonly PrinterCondition[]): DeviceCondition[] => unique(conditions.map((c) => FROM_IPP[c]));
export const receiptConditionsForFleet = (conditions: readonly ReceiptCondition[]): DeviceCondition[] => unique(conditions.map((c) => FROM_ESCPOS[c]));

function unique(values: Array<DeviceCondition | undefined>): DeviceCondition[] {
  return [...new Set(values.filter((v): v is DeviceCondition => v !== undefined))];
}

export interface PrinterReading {
  role: 'a4Printer';
  state: 'ready' | 'error' | 'disconnected';
  conditions: DeviceCondition[];
  reason?: string;
}

/**
 * Asks the A4 printer for its state at each heartbeat: paper, cover and jam are not events the
 * print service sees between jobs, and a tray that ran out overnight must be known before the
 * first citizen of the morning.
 */
export async function readA4Printer(printer: Pick<DocumentPrinter, 'status'>): Promise<PrinterReading> {
  try {
    const status = await printer.status();
    const conditions = ippConditions(status.conditions);
    const reason = status.reasons.map((r) => r.raw).join(', ');
    return { role: 'a4Printer', state: status.ready ? 'ready' : 'error', conditions, ...(reason && reason !== 'none' ? { reason } : {}) };
  } catch (error) {
    return { role: 'a4Printer', state: 'disconnected', conditions: [], reason: (error as Error).message.slice(0, 200) };
  }
}
