import type { PrinterCondition } from '../../drivers/ipp';
import type { ReceiptCondition } from '../../drivers/escpos';

/**
 * What a citizen or a member of staff is told about printing, by message key. The UI
 * translates the keys through its i18n tables (renderer/src/i18n); these texts are the source
 * for those tables and what the CLI prints.
 */
export const PRINT_MESSAGES = {
  'print.done': { 'zh-CN': '打印完成，请取走您的材料。', en: 'Printing finished. Please take your papers.' },
  'print.a4.mediaEmpty': { 'zh-CN': '打印机缺纸，请联系工作人员。', en: 'The printer is out of paper. Please ask a member of staff.' },
  'print.a4.mediaJam': { 'zh-CN': '打印机卡纸，请联系工作人员。', en: 'Paper is stuck in the printer. Please ask a member of staff.' },
  'print.a4.doorOpen': { 'zh-CN': '打印机舱门未关好，请联系工作人员。', en: 'A printer door is open. Please ask a member of staff.' },
  'print.a4.tonerEmpty': { 'zh-CN': '打印机墨粉已用完，请联系工作人员。', en: 'The printer has run out of toner. Please ask a member of staff.' },
  'print.a4.unavailable': { 'zh-CN': '打印机暂时无法使用，请联系工作人员。', en: 'The printer cannot be used right now. Please ask a member of staff.' },
  'print.a4.jobFailed': { 'zh-CN': '打印没有完成，请联系工作人员。', en: 'Printing did not finish. Please ask a member of staff.' },
  'print.receipt.paperOut': { 'zh-CN': '小票打印机缺纸，请联系工作人员。', en: 'The ticket printer is out of paper. Please ask a member of staff.' },
  'print.receipt.coverOpen': { 'zh-CN': '小票打印机盖未关好，请联系工作人员。', en: 'The ticket printer cover is open. Please ask a member of staff.' },
  'print.receipt.unavailable': { 'zh-CN': '小票打印机暂时无法使用，请联系工作人员。', en: 'The ticket printer cannot be used right now. Please ask a member of staff.' },
  'print.renderFailed': { 'zh-CN': '材料生成失败，请联系工作人员。', en: 'The document could not be prepared. Please ask a member of staff.' },
  'print.keptForReprint': {
    'zh-CN': '您的材料已保存，工作人员可以为您重新打印，无需重新办理。',
    en: 'Your document has been kept. Staff can reprint it for you; you do not need to start again.',
  },
  'print.staff.tonerLow': { 'zh-CN': '打印机墨粉不足，请及时更换。', en: 'Printer toner is low: replace it soon.' },
  'print.staff.mediaLow': { 'zh-CN': '打印机纸张不多，请及时补充。', en: 'Printer paper is low: refill soon.' },
  'print.staff.receiptPaperNearEnd': { 'zh-CN': '小票纸即将用完，请及时更换。', en: 'Ticket paper is nearly used up: replace the roll soon.' },
} as const satisfies Record<string, { 'zh-CN': string; en: string }>;

export type PrintMessageKey = keyof typeof PRINT_MESSAGES;

const A4_CITIZEN: Partial<Record<PrinterCondition, PrintMessageKey>> = {
  'media-empty': 'print.a4.mediaEmpty',
  'media-jam': 'print.a4.mediaJam',
  'door-open': 'print.a4.doorOpen',
  'toner-empty': 'print.a4.tonerEmpty',
};

/** The one message a citizen sees for the conditions that stopped an A4 print (the most specific first). */
export function a4CitizenMessage(conditions: readonly PrinterCondition[]): PrintMessageKey {
  for (const condition of conditions) {
    const key = A4_CITIZEN[condition];
    if (key) return key;
  }
  return 'print.a4.unavailable';
}

export function a4StaffWarnings(conditions: readonly PrinterCondition[]): PrintMessageKey[] {
  const keys: PrintMessageKey[] = [];
  if (conditions.includes('toner-low')) keys.push('print.staff.tonerLow');
  if (conditions.includes('media-low')) keys.push('print.staff.mediaLow');
  return keys;
}

export function receiptCitizenMessage(conditions: readonly ReceiptCondition[]): PrintMessageKey {
  if (conditions.includes('paper-out')) return 'print.receipt.paperOut';
  if (conditions.includes('cover-open')) return 'print.receipt.coverOpen';
  return 'print.receipt.unavailable';
}

export function receiptStaffWarnings(conditions: readonly ReceiptCondition[]): PrintMessageKey[] {
  return conditions.includes('paper-near-end') ? ['print.staff.receiptPaperNearEnd'] : [];
}
