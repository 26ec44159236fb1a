import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SerialPort } from 'serialport';
import { EscPosSimulator, SerialReceiptPrinter, openPtyPair, type PrintedTicket, type PtyPair } from '../../../drivers/escpos';
import { MemoryPrintRecordSink, PrintService, caseSlipParts, queueTicketParts, type QueueTicket } from '../../../main/printing';

const TICKET: QueueTicket = {
  centreName: '示范区通办中心',
  queueNumber: 'A023',
  serviceName: '社保缴费证明打印',
  waitingAhead: 3,
  issuedAt: '2026-11-23 09:41',
  statusUrl: 'https://platform.example.invalid/queue/A023?centre=demo',
};

describe('receipt printing over a real pty to the ESC/POS simulator', () => {
  let pty: PtyPair;
  let simulator: EscPosSimulator;
  let printer: SerialReceiptPrinter;
  let records: MemoryPrintRecordSink;
  let service: PrintService;

  beforeAll(async () => {
    pty = await openPtyPair();
    simulator = new EscPosSimulator();
    await simulator.open(pty.devicePath);
    printer = new SerialReceiptPrinter({ path: pty.hostPath, statusTimeoutMs: 2000 });
    records = new MemoryPrintRecordSink();
    service = new PrintService({ records, receiptPrinter: printer });
  });

  afterAll(async () => {
    await printer?.close();
    await simulator?.close();
    await pty?.close();
  });

  function nextTicket(): Promise<PrintedTicket> {
    return new Promise((resolve) => simulator.once('ticket', resolve));
  }

  it('prints a queue ticket: the simulator decodes the exact Chinese text, the QR payload and the cut', async () => {
    const printed = nextTicket();
    const outcome = await service.printTicket(queueTicketParts(TICKET), 'queue-ticket', { caseId: 'case-q-1' });
    expect(outcome).toMatchObject({ ok: true, warnings: [] });
    const ticket = await printed;
    const lines = ticket.lines.map((l) => l.trim()).filter((l) => l);
    expect(lines).toEqual([
      '示范区通办中心',
      '排队票',
      '─'.repeat(42),
      'A023',
      '前面还有 3 人等候',
      '─'.repeat(42),
      expect.stringMatching(/^事项\s+社保缴费证明打印$/),
      expect.stringMatching(/^取号时间\s+2026-11-23 09:41$/),
      '扫码查看排队进度',
      '请留意叫号，过号请重新取号',
    ]);
    expect(ticket.qrCodes).toEqual([TICKET.statusUrl]);
  });

  it('detects paper-out before printing: nothing is sent, the citizen is told, the ticket is kept and reprints once paper is back', async () => {
    simulator.set({ paperOut: true });
    const ticketsBefore = simulator.tickets.length;
    const outcome = await service.printTicket(
      caseSlipParts({ centreName: '示范区通办中心', caseNumber: 'TB-20261123-000123', serviceName: '灵活就业人员参保登记', receivedAt: '2026-11-23 09:41', statusUrl: 'https://platform.example.invalid/status/TB-20261123-000123' }),
      'case-slip',
      { caseId: 'case-slip-1' },
    );
    expect(outcome).toMatchObject({ ok: false, citizenMessage: 'print.receipt.paperOut', nextStep: 'print.keptForReprint', conditions: ['paper-out'] });
    expect(simulator.discardedEvents).toBe(0);
    expect(simulator.tickets.length).toBe(ticketsBefore);
    if (outcome.ok) return;

    simulator.set({ paperOut: false });
    const printed = nextTicket();
    expect(await service.reprint(outcome.failedJobId as string)).toMatchObject({ ok: true });
    const ticket = await printed;
    expect(ticket.lines.map((l) => l.trim())).toContain('办件凭条');
    expect(ticket.qrCodes).toEqual(['https://platform.example.invalid/status/TB-20261123-000123']);
    expect(await service.failedJobs()).toEqual([]);
  });

  it('reads an open cover and a nearly empty roll from the real-time status', async () => {
    simulator.set({ coverOpen: true });
    const refused = await service.printTicket(queueTicketParts(TICKET), 'queue-ticket');
    expect(refused).toMatchObject({ ok: false, citizenMessage: 'print.receipt.coverOpen' });
    simulator.set({ coverOpen: false, paperNearEnd: true });
    const printed = nextTicket();
    expect(await service.printTicket(queueTicketParts(TICKET), 'queue-ticket')).toMatchObject({ ok: true, warnings: ['print.staff.receiptPaperNearEnd'] });
    await printed;
    expect(await printer.status()).toMatchObject({ online: true, paperOut: false, paperNearEnd: true, coverOpen: false });
  });

  it('reports a printer that does not answer, or answers with noise, naming the port and the request', async () => {
    const silent = await openPtyPair();
    const device = new SerialPort({ path: silent.devicePath, baudRate: 115200 });
    const quiet = new SerialReceiptPrinter({ path: silent.hostPath, statusTimeoutMs: 300 });
    try {
      await expect(quiet.status()).rejects.toThrow(`receipt printer on ${silent.hostPath}: no answer to DLE EOT 1 within 300 ms`);
      device.on('data', () => device.write(Buffer.from([0x41])));
      await expect(quiet.status()).rejects.toThrow(/DLE EOT 1 answered 0x41, not a status byte/);
      const outcome = await new PrintService({ records: new MemoryPrintRecordSink(), receiptPrinter: quiet }).printTicket(queueTicketParts(TICKET), 'queue-ticket');
      expect(outcome).toMatchObject({ ok: false, citizenMessage: 'print.receipt.unavailable', conditions: ['receipt-bad-answer'] });
    } finally {
      await quiet.close();
      await new Promise((resolve) => device.close(resolve));
      await silent.close();
    }
  });

  it('records each attempt with the printer and result', async () => {
    const all = await records.list();
    expect(all.map((r) => [r.what, r.result, r.conditions])).toEqual([
      ['queue-ticket', 'printed', []],
      ['case-slip', 'refused', ['paper-out']],
      ['case-slip', 'printed', []],
      ['queue-ticket', 'refused', ['cover-open']],
      ['queue-ticket', 'printed', ['paper-near-end']],
    ]);
    expect(all.every((r) => r.printer.kind === 'receipt' && r.printer.name.includes(pty.hostPath))).toBe(true);
  });
});
