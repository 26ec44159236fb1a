import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { IdCardReader, SerialTransport, type CardRead, type IdCardError, type ReaderState } from '../../../drivers/idcard';
import { startIdCardSimulator, type RunningIdCardSimulator } from '../../../drivers/idcard/simulator';

/**
 * The real serialport binding on a socat pty, the simulator on the other end: the whole path a
 * USB-serial reader takes, minus the chip.
 */
let sim: RunningIdCardSimulator;
let reader: IdCardReader;
const discarded: string[] = [];
const errors: string[] = [];

function next<T>(event: 'card' | 'removed' | 'error' | 'state', match: (value: T) => boolean = () => true, timeoutMs = 5000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      reader.off(event, listener as never);
      reject(new Error(`no ${event} event within ${timeoutMs} ms (state ${JSON.stringify(reader.state)}; errors: ${errors.join(' | ')})`));
    }, timeoutMs);
    const listener = (value: T): void => {
      if (!match(value)) return;
      clearTimeout(timer);
      reader.off(event, listener as never);
      resolve(value);
    };
    reader.on(event, listener as never);
  });
}

beforeAll(async () => {
  sim = await startIdCardSimulator({ seed: 7 });
  reader = new IdCardReader({ transport: new SerialTransport({ path: sim.device, baudRate: 115200 }), backoff: { baseMs: 100, capMs: 400 } });
  reader.on('discarded', (reason) => discarded.push(reason));
  reader.on('error', (error) => errors.push(error.message));
  const ready = next<ReaderState>('state', (s) => s.state === 'ready');
  await reader.open();
  await ready;
});

afterAll(async () => {
  await reader?.close();
  await sim?.close();
});

afterEach(async () => {
  sim.simulator.fault('none');
  if (sim.simulator.card) {
    const removed = next('removed');
    sim.remove();
    await removed;
  }
  discarded.length = 0;
  errors.length = 0;
});

async function placeAndRead(id: string): Promise<CardRead> {
  const card = next<CardRead>('card');
  sim.place(id);
  return card;
}

describe('ID-card reader over a pty', () => {
  it.each([
    ['resident', 'resident', '测试张三'],
    ['hmt', 'hmt-residence', '测试陈港生'],
    ['foreign-2017', 'foreign-permanent-2017', '测试外籍'],
    ['foreign-2023', 'foreign-permanent-2023', '测试新外籍'],
  ])('reads the %s card and notices it leave', async (id, kind, name) => {
    const read = await placeAndRead(id);
    expect(read.identity.kind).toBe(kind);
    expect(read.identity.name).toBe(name);
    expect(read.identity.photo?.bytes).toHaveLength(1024);
    expect(read.timings.readMs).toBeGreaterThan(0);
    const removed = next('removed');
    sim.remove();
    await removed;
  });

  it('reads through line noise before every answer', async () => {
    sim.simulator.fault('noise');
    const read = await placeAndRead('long-name');
    expect(read.identity.name).toBe('测试阿卜杜热合曼买买提江艾力木');
    expect(discarded).toContain('noise');
  });

  it('recovers from an answer with a wrong checksum', async () => {
    sim.simulator.fault('bad-checksum');
    const read = await placeAndRead('x-check');
    expect(read.identity.idNumber).toMatch(/X$/);
    expect(discarded).toContain('bad-checksum');
  });

  it('waits out a slow reader', async () => {
    sim.simulator.slowMs = 400;
    sim.simulator.fault('slow');
    const read = await placeAndRead('long-term');
    expect(read.identity.validTo).toBeNull();
    expect(read.timings.totalMs).toBeGreaterThan(800);
  });

  it('keeps reading from a reader slower than its command timeout, and still sees the card leave', async () => {
    sim.simulator.slowMs = 700;
    sim.simulator.fault('slow');
    const read = await placeAndRead('hmt');
    expect(read.identity.kind).toBe('hmt-residence');
    const removed = next('removed', undefined, 8000);
    sim.remove();
    await removed;
    sim.simulator.fault('none');
    // Let the answers still queued in the slow reader drain before the next test.
    await new Promise((r) => setTimeout(r, 2000));
  });

  it('gives a clean 请重新放置身份证 and no identity when the card is pulled mid-read', async () => {
    const cards: CardRead[] = [];
    const onCard = (c: CardRead): void => void cards.push(c);
    reader.on('card', onCard);
    sim.simulator.fault('pull');
    const error = next<IdCardError>('error');
    sim.place('resident');
    const err = await error;
    expect(err.code).toBe('card-removed-during-read');
    expect(err.citizen).toBe('请重新放置身份证');
    expect(err.message).toContain(sim.device);
    await new Promise((r) => setTimeout(r, 400));
    reader.off('card', onCard);
    expect(cards).toEqual([]);
    expect(reader.state.state).toBe('ready');
    expect((await placeAndRead('resident')).identity.name).toBe('测试张三');
  });

  it('reports a SAM fault as an error state with the reason, and recovers when it clears', async () => {
    sim.simulator.fault('sam-error');
    const failed = await next<ReaderState>('state', (s) => s.state === 'error');
    expect(failed).toMatchObject({ state: 'error', code: 'sam-error' });
    expect(failed.state === 'error' && failed.reason).toMatch(/SW3=0x60 \(SAM self-test failed\)/);
    const ready = next<ReaderState>('state', (s) => s.state === 'ready', 8000);
    sim.simulator.fault('none');
    await ready;
  });

  it('reopens the port after the pty is closed and re-created at the same path (unplug, replug)', async () => {
    const gone = next<ReaderState>('state', (s) => s.state === 'disconnected');
    await sim.unplug();
    expect((await gone).state).toBe('disconnected');
    await new Promise((r) => setTimeout(r, 300));
    const back = next<ReaderState>('state', (s) => s.state === 'ready', 8000);
    await sim.replug();
    await back;
    expect((await placeAndRead('hmt')).identity.kind).toBe('hmt-residence');
  });

  it('reads the SAM id', async () => {
    expect(await reader.samId()).toBe('05.01-00000010-0000012345-0987654321');
  });
});
