import { afterEach, describe, expect, it } from 'vitest';
import { IdCardReader, type CardRead } from '../../../drivers/idcard';
import { IdCardSimulator, SimulatorTransport } from '../../../drivers/idcard/simulator';

let reader: IdCardReader | undefined;
afterEach(async () => {
  await reader?.close();
});

function start(options: Partial<ConstructorParameters<typeof IdCardReader>[0]> = {}): { sim: IdCardSimulator; reader: IdCardReader } {
  const sim = new IdCardSimulator({ pace: false });
  reader = new IdCardReader({ transport: new SimulatorTransport(sim), pollIntervalMs: 50, ...options });
  return { sim, reader };
}

const nextCard = (r: IdCardReader): Promise<CardRead> => new Promise((resolve) => r.once('card', resolve));

describe('IdCardReader', () => {
  it('reads appended addresses and the fingerprint when asked', async () => {
    const { sim, reader } = start({ readAppendedAddresses: true, readFingerprint: true });
    await reader.open();
    const card = nextCard(reader);
    sim.place('hmt');
    const read = await card;
    expect(read.appendedAddresses).toEqual(['测试省示例市虚构区新居路2号']);
    expect(read.fingerprint).toHaveLength(0);
    const fp = nextCard(reader);
    sim.remove();
    sim.place('foreign-2023');
    expect((await fp).fingerprint).toHaveLength(1024);
  });

  it('keeps going when nobody listens to its errors', async () => {
    const { sim, reader } = start();
    await reader.open();
    sim.fault('pull');
    sim.place('resident');
    await new Promise((r) => setTimeout(r, 800));
    expect(reader.state.state).toBe('ready');
    const card = nextCard(reader);
    sim.place('resident');
    expect((await card).identity.name).toBe('测试张三');
  });

  it('reports a card it cannot trust as an error, and no identity', async () => {
    const face = new IdCardSimulator().listCards()[0]?.face;
    if (!face) throw new Error('no cards');
    const wrongCheck = `${face.idNumber.slice(0, 17)}${face.idNumber.endsWith('0') ? '1' : '0'}`;
    const sim = new IdCardSimulator({ pace: false, cards: [{ id: 'bad', label: 'bad', face: { ...face, idNumber: wrongCheck }, photo: new Uint8Array(1024) }] });
    const bad = new IdCardReader({ transport: new SimulatorTransport(sim), pollIntervalMs: 50 });
    reader = bad;
    const errors: string[] = [];
    const cards: CardRead[] = [];
    bad.on('error', (e) => errors.push(`${e.code}: ${e.message}`));
    bad.on('card', (c) => cards.push(c));
    await bad.open();
    sim.place('bad');
    await new Promise((r) => setTimeout(r, 500));
    expect(cards).toEqual([]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^bad-card-data: simulator: card text field idNumber check character/);
    expect(errors[0]).not.toContain(wrongCheck);
  });
});
