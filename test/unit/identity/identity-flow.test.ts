import { describe, expect, it } from 'vitest';
import type { EventFrame } from '../../../contract/terminal/api';
import type { CardRead } from '../../../drivers/idcard';
import { IdCardError } from '../../../drivers/idcard/errors';
import { EventBus } from '../../../main/api/event-bus';
import { IdentityFlow } from '../../../main/identity/identity-flow';
import { IdentityHolder } from '../../../main/identity/identity-holder';
import { silentLogger } from '../../../main/logging/logger';
import { SessionService } from '../../../main/session/session-service';

function read(overrides: Partial<CardRead['identity']> = {}): CardRead {
  return {
    identity: {
      kind: 'resident',
      name: '测试张三',
      nameEn: null,
      sex: '男',
      sexCode: 1,
      nation: '汉',
      nationCode: '01',
      nationality: null,
      birthDate: '1980-01-01',
      address: '测试市测试路1号',
      idNumber: '11010519491231002X',
      issuer: '测试公安局',
      validFrom: '2020-01-01',
      validTo: '2040-01-01',
      expired: false,
      photo: null,
      ...overrides,
    } as CardRead['identity'],
    timings: { selectMs: 10, readMs: 120, totalMs: 140 },
    fingerprint: null,
    appendedAddresses: [],
  };
}

function setUp(options: { endOnCardRemoval?: boolean; inSetup?: boolean } = {}) {
  const events = new EventBus();
  const frames: EventFrame[] = [];
  events.subscribe((f) => frames.push(f));
  const sessions = new SessionService({ idleSeconds: 60, warnSeconds: 10 }, events, silentLogger());
  const identity = new IdentityHolder();
  sessions.onWipe(() => identity.wipe());
  const flow = new IdentityFlow(
    sessions,
    identity,
    events,
    { endOnCardRemoval: options.endOnCardRemoval ?? true, inSetup: () => options.inSetup ?? false },
    silentLogger(),
  );
  return { flow, sessions, identity, frames, done: () => sessions.dispose() };
}

describe('identity flow', () => {
  it('a card read begins a session and gives the page a masked view only', () => {
    const { flow, sessions, identity, frames, done } = setUp();
    flow.cardRead(read());
    expect(sessions.current).toBeDefined();
    expect(identity.current?.idNumber).toBe('11010519491231002X');
    const view = frames.find((f) => f.event === 'identity.read');
    expect(view?.data).toMatchObject({ name: '测试张三', idNumberMasked: '110105********002X' });
    expect(JSON.stringify(frames)).not.toContain('11010519491231002X');
    done();
  });

  it('taking the card away ends the session and wipes the identity where so configured', () => {
    const { flow, sessions, identity, done } = setUp({ endOnCardRemoval: true });
    flow.cardRead(read());
    flow.cardRemoved();
    expect(sessions.current).toBeUndefined();
    expect(identity.current).toBeUndefined();
    done();
  });

  it('keeps the session when removal does not end it', () => {
    const { flow, sessions, done } = setUp({ endOnCardRemoval: false });
    flow.cardRead(read());
    flow.cardRemoved();
    expect(sessions.current).toBeDefined();
    done();
  });

  it('turns an expired card away without a session', () => {
    const { flow, sessions, frames, done } = setUp();
    flow.cardRead(read({ expired: true }));
    expect(sessions.current).toBeUndefined();
    expect(frames).toContainEqual({ event: 'identity.failed', data: { reason: 'expired' } });
    done();
  });

  it('asks for the card again after a pulled card, and keeps reader faults for the technician', () => {
    const { flow, frames, done } = setUp();
    flow.cardFailed(new IdCardError('card-removed-during-read', 'card left during 30 01'));
    flow.cardFailed(new IdCardError('sam-error', 'SW3=0x60'));
    expect(frames.filter((f) => f.event === 'identity.failed')).toEqual([{ event: 'identity.failed', data: { reason: 'removed-during-read' } }]);
    done();
  });

  it('a card read while the technician tests the reader is no citizen', () => {
    const { flow, sessions, frames, done } = setUp({ inSetup: true });
    flow.cardRead(read());
    flow.cardRemoved();
    expect(sessions.current).toBeUndefined();
    expect(frames).toEqual([]);
    done();
  });
});
