import { afterEach, describe, expect, it, vi } from 'vitest';
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

function setUp(options: { endOnCardRemoval?: boolean; inSetup?: boolean; cardReturnSeconds?: number } = {}) {
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
    { endOnCardRemoval: options.endOnCardRemoval ?? true, cardReturnSeconds: options.cardReturnSeconds ?? 0, inSetup: () => options.inSetup ?? false },
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

  describe('with time to put the card back', () => {
    afterEach(() => vi.useRealTimers());

    it('counts down, and the same card back in time keeps the session and its identity', () => {
      vi.useFakeTimers();
      const { flow, sessions, identity, frames, done } = setUp({ cardReturnSeconds: 10 });
      flow.cardRead(read());
      const session = sessions.current?.id;
      flow.cardRemoved();
      expect(frames).toContainEqual({ event: 'session.cardAway', data: { sessionId: session, secondsLeft: 10 } });
      vi.advanceTimersByTime(4000);
      expect(frames).toContainEqual({ event: 'session.cardAway', data: { sessionId: session, secondsLeft: 6 } });
      flow.cardRead(read());
      expect(frames).toContainEqual({ event: 'session.cardBack', data: { sessionId: session } });
      vi.advanceTimersByTime(20_000);
      expect(sessions.current?.id).toBe(session);
      expect(identity.current?.idNumber).toBe('11010519491231002X');
      done();
    });

    it('wipes when the count reaches 0, and says why', () => {
      vi.useFakeTimers();
      const { flow, sessions, identity, frames, done } = setUp({ cardReturnSeconds: 3 });
      flow.cardRead(read());
      const session = sessions.current?.id;
      flow.cardRemoved();
      vi.advanceTimersByTime(2999);
      expect(sessions.current).toBeDefined();
      vi.advanceTimersByTime(1);
      expect(sessions.current).toBeUndefined();
      expect(identity.current).toBeUndefined();
      expect(frames).toContainEqual({ event: 'session.ended', data: { sessionId: session, reason: 'card-removed' } });
      done();
    });

    it("another person's card ends the first session rather than joining it", () => {
      vi.useFakeTimers();
      const { flow, sessions, identity, frames, done } = setUp({ cardReturnSeconds: 10 });
      flow.cardRead(read());
      const first = sessions.current?.id;
      flow.cardRemoved();
      flow.cardRead(read({ idNumber: '110105194912310021', name: '测试李四' }));
      expect(frames).toContainEqual({ event: 'session.ended', data: { sessionId: first, reason: 'card-removed' } });
      expect(sessions.current?.id).not.toBe(first);
      expect(identity.current?.name).toBe('测试李四');
      done();
    });
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

describe('代办: the agent’s own card read beside the applicant’s', () => {
  // A second valid GB 11643 number, not the applicant's.
  const AGENT = read({ name: '测试李四', idNumber: '110105198001010016', sex: '男', birthDate: '1980-01-01' });
  afterEach(() => vi.useRealTimers());

  it('holds both cards for the session, gives the page the agent masked, and wipes both at the end', () => {
    const { flow, sessions, identity, frames, done } = setUp({ cardReturnSeconds: 10 });
    flow.cardRead(read());
    const session = sessions.current!.id;
    expect(flow.readAgent()).toEqual({ state: 'waiting', agent: null });
    // The applicant's card leaves the reader to make way: no countdown, no end.
    flow.cardRemoved();
    expect(frames.some((f) => f.event === 'session.cardAway')).toBe(false);
    flow.cardRead(AGENT);
    expect(sessions.current?.id).toBe(session);
    expect(identity.current?.name).toBe('测试张三');
    expect(identity.agent?.idNumber).toBe('110105198001010016');
    const told = frames.filter((f) => f.event === 'identity.agent').at(-1)?.data as { state: string; agent: { name: string; idNumberMasked: string } };
    expect(told).toMatchObject({ state: 'read', agent: { name: '测试李四', idNumberMasked: '110105********0016' } });
    expect(JSON.stringify(frames)).not.toContain('110105198001010016');
    expect(frames.filter((f) => f.event === 'session.began')).toHaveLength(1);
    sessions.end('done');
    expect(identity.current).toBeUndefined();
    expect(identity.agent).toBeUndefined();
    done();
  });

  it('the applicant’s card again, or an expired card, is not taken as the agent’s', () => {
    const { flow, identity, frames, done } = setUp();
    flow.cardRead(read());
    flow.readAgent();
    flow.cardRead(read());
    flow.cardRead({ ...AGENT, identity: { ...AGENT.identity, expired: true } });
    const states = frames.filter((f) => f.event === 'identity.agent').map((f) => (f.data as { state: string }).state);
    expect(states).toEqual(['waiting', 'applicant-card', 'expired']);
    expect(identity.agent).toBeUndefined();
    expect(identity.current?.name).toBe('测试张三');
    done();
  });

  it('after the agent’s card, either card put back in time keeps the session', () => {
    vi.useFakeTimers();
    const { flow, sessions, done } = setUp({ cardReturnSeconds: 5 });
    flow.cardRead(read());
    flow.readAgent();
    flow.cardRemoved();
    flow.cardRead(AGENT);
    flow.cardRemoved();
    vi.advanceTimersByTime(2_000);
    flow.cardRead(read());
    vi.advanceTimersByTime(10_000);
    expect(sessions.current).toBeDefined();
    done();
  });

  it('is refused without an applicant’s card, and a new visit starts with no agent', () => {
    const { flow, sessions, identity, done } = setUp();
    expect(() => flow.readAgent()).toThrow(/no applicant/);
    flow.cardRead(read());
    flow.readAgent();
    flow.cardRead(AGENT);
    sessions.end('done');
    flow.cardRead(read({ name: '测试王五', idNumber: '110105198001010024' }));
    expect(identity.agent).toBeUndefined();
    expect(identity.current?.name).toBe('测试王五');
    done();
  });
});
