import { escapeReceiptline as e, type TicketPart } from '../../drivers/escpos';

/** 排队票: what a citizen holds while waiting to be called. */
export interface QueueTicket {
  centreName: string;
  queueNumber: string;
  serviceName: string;
  waitingAhead: number;
  issuedAt: string;
  /** Where the citizen can follow the queue on a phone. */
  statusUrl?: string;
}

export function queueTicketParts(t: QueueTicket): TicketPart[] {
  const parts: TicketPart[] = [
    {
      markdown: [
        `^^${e(t.centreName)}`,
        '排队票',
        '-',
        `^^^^${e(t.queueNumber)}`,
        `前面还有 ${t.waitingAhead} 人等候`,
        '-',
        `|事项 | ${e(t.serviceName)}`,
        `|取号时间 | ${e(t.issuedAt)}`,
        '',
      ].join('\n'),
    },
  ];
  if (t.statusUrl) parts.push({ qr: t.statusUrl }, { markdown: '扫码查看排队进度\n' });
  parts.push({ markdown: '请留意叫号，过号请重新取号\n' });
  return parts;
}

/** A short case slip for the receipt printer: enough to find the case again. */
export interface CaseSlip {
  centreName: string;
  caseNumber: string;
  serviceName: string;
  receivedAt: string;
  statusUrl: string;
}

export function caseSlipParts(s: CaseSlip): TicketPart[] {
  return [
    { markdown: [`^^${e(s.centreName)}`, '办件凭条', '-', `|办件编号 | ${e(s.caseNumber)}`, `|事项 | ${e(s.serviceName)}`, `|受理时间 | ${e(s.receivedAt)}`, ''].join('\n') },
    { qr: s.statusUrl },
    { markdown: '扫码查询办理进度\n' },
  ];
}

export function receiptTestPageParts(printerName: string, at: string): TicketPart[] {
  return [
    { markdown: ['^^通办 小票打印机测试页', '-', `|打印机：${e(printerName)}`, `|时间：${e(at)}`, '|中文 GB18030：社保缴费证明 受理回执', '|ASCII: 0123456789 ABCDEFGHIJ', ''].join('\n') },
    { qr: 'TONGBAN-TEST-PAGE' },
    { markdown: '二维码应可扫描，纸张应在下方切断\n' },
  ];
}
