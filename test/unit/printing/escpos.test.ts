import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { EscPosDecoder, encodeStatus, encodeTicket, escapeReceiptline, gb18030Line, isStatusByte, parseStatus, qrCode, receiptConditions } from '../../../drivers/escpos';

describe('ESC/POS status bytes', () => {
  it('round-trips every state through DLE EOT 1-4 answers', () => {
    const states = [
      { paperOut: false, paperNearEnd: false, coverOpen: false, offline: false },
      { paperOut: true, paperNearEnd: false, coverOpen: false, offline: false },
      { paperOut: false, paperNearEnd: true, coverOpen: false, offline: false },
      { paperOut: false, paperNearEnd: false, coverOpen: true, offline: false },
      { paperOut: false, paperNearEnd: false, coverOpen: false, offline: true },
    ];
    expect(states.map((s) => receiptConditions(parseStatus(encodeStatus(s))))).toEqual([[], ['paper-out'], ['paper-near-end'], ['cover-open'], ['offline']]);
    for (const s of states) for (const b of encodeStatus(s)) expect(isStatusByte(b)).toBe(true);
  });

  it('tells a status byte from noise', () => {
    expect(isStatusByte(0x12)).toBe(true);
    expect(isStatusByte(0x41)).toBe(false);
    expect(isStatusByte(0x92)).toBe(false);
  });
});

describe('the ESC/POS decoder', () => {
  it('decodes GB18030 text, a QR payload and a cut, even when bytes arrive one at a time', () => {
    const bytes = Buffer.concat([Buffer.from([0x1b, 0x40]), gb18030Line('社保缴费证明 A023'), qrCode('https://example.invalid/q?a=1&b=二'), Buffer.from([0x1d, 0x56, 66, 0])]);
    const decoder = new EscPosDecoder();
    const events = [...bytes].flatMap((b) => decoder.push(Buffer.from([b])));
    expect(events.filter((e) => e.type !== 'init' && !(e.type === 'line' && e.text === ''))).toEqual([
      { type: 'line', text: '社保缴费证明 A023' },
      { type: 'qr', payload: 'https://example.invalid/q?a=1&b=二' },
      { type: 'cut' },
    ]);
  });

  it('reports status requests found in the middle of a job', () => {
    const decoder = new EscPosDecoder();
    const events = decoder.push(Buffer.concat([Buffer.from('AB'), Buffer.from([0x10, 0x04, 0x04]), Buffer.from('C\n')]));
    expect(events).toEqual([{ type: 'status-request', n: 4 }, { type: 'line', text: 'ABC' }]);
  });

  it('reports bytes it does not know instead of guessing', () => {
    expect(new EscPosDecoder().push(Buffer.from([0x1b, 0x01]))).toEqual([{ type: 'unknown', bytes: '1b01' }]);
  });

  it('decodes a receiptline ticket with characters that are receiptline markup', async () => {
    const text = escapeReceiptline('a|b{c}-_^~"`\\');
    const events = new EscPosDecoder().push(await encodeTicket([{ markdown: `${text}\n` }]));
    const lines = events.flatMap((e) => (e.type === 'line' && e.text.trim() ? [e.text.trim()] : []));
    expect(lines).toEqual(['a|b{c}-_^~"`\\']);
    expect(events.at(-1)).toEqual({ type: 'cut' });
  });

  it('encodes Chinese as GB18030', () => {
    expect(gb18030Line('通办').subarray(2, 6)).toEqual(iconv.encode('通办', 'gb18030'));
  });
});
