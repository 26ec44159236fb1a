import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EventFrame } from '../../../contract/terminal/api';
import { EventBus } from '../../../main/api/event-bus';
import { silentLogger } from '../../../main/logging/logger';
import { SessionService } from '../../../main/session/session-service';

describe('session service', () => {
  let frames: EventFrame[];
  let sessions: SessionService;
  let wiped: number;

  beforeEach(() => {
    vi.useFakeTimers();
    const bus = new EventBus();
    frames = [];
    wiped = 0;
    bus.subscribe((f) => frames.push(f));
    sessions = new SessionService({ idleSeconds: 10, warnSeconds: 3 }, bus, silentLogger());
    sessions.onWipe(() => wiped++);
  });
  afterEach(() => vi.useRealTimers());

  it('warns with a countdown, then ends an idle session and wipes', () => {
    const { id } = sessions.begin('touch');
    expect(frames).toEqual([{ event: 'session.began', data: { session: sessions.current, via: 'touch' } }]);
    vi.advanceTimersByTime(6_999);
    expect(frames).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(frames.at(-1)).toEqual({ event: 'session.warning', data: { sessionId: id, secondsLeft: 3 } });
    vi.advanceTimersByTime(2_000);
    expect(frames.at(-1)).toEqual({ event: 'session.warning', data: { sessionId: id, secondsLeft: 1 } });
    vi.advanceTimersByTime(1_000);
    expect(frames.at(-1)).toEqual({ event: 'session.ended', data: { sessionId: id, reason: 'idle' } });
    expect(wiped).toBe(1);
    expect(sessions.current).toBeUndefined();
    vi.advanceTimersByTime(60_000);
    expect(frames.filter((f) => f.event === 'session.ended')).toHaveLength(1);
  });

  it('says the session resumed when activity interrupts a warning', () => {
    const { id } = sessions.begin('touch');
    sessions.activity();
    expect(frames.some((f) => f.event === 'session.resumed')).toBe(false);
    vi.advanceTimersByTime(7_500);
    sessions.activity();
    expect(frames.at(-1)).toEqual({ event: 'session.resumed', data: { sessionId: id } });
    vi.advanceTimersByTime(6_999);
    expect(frames.at(-1)?.event).toBe('session.resumed');
  });

  it('restarts the clock on activity', () => {
    sessions.begin('touch');
    vi.advanceTimersByTime(9_000);
    sessions.activity();
    vi.advanceTimersByTime(9_000);
    expect(sessions.current).toBeDefined();
    vi.advanceTimersByTime(1_000);
    expect(sessions.current).toBeUndefined();
  });

  it('a new citizen ends the previous session first, wiping it', () => {
    const first = sessions.begin('touch');
    const second = sessions.begin('idcard');
    expect(second.id).not.toBe(first.id);
    expect(frames).toContainEqual({ event: 'session.ended', data: { sessionId: first.id, reason: 'cancelled' } });
    expect(wiped).toBe(1);
  });

  it('keeps wiping when one wipe fails', () => {
    sessions.onWipe(() => {
      throw new Error('boom');
    });
    let later = false;
    sessions.onWipe(() => (later = true));
    sessions.begin('touch');
    sessions.end('done');
    expect(later).toBe(true);
    expect(wiped).toBe(1);
  });
});
