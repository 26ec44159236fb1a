import { describe, expect, it } from 'vitest';
import { EventBus } from '../../../main/api/event-bus';
import { IdleRestart } from '../../../main/fleet/idle-restart';

function setUp(sessionOn: boolean) {
  const events = new EventBus();
  const restarts: string[] = [];
  const state = { sessionOn };
  const idle = new IdleRestart({ events, sessionActive: () => state.sessionOn, restart: (why) => restarts.push(why) });
  const endSession = () => {
    state.sessionOn = false;
    events.publish('session.ended', { sessionId: 's-1', reason: 'done' });
  };
  return { events, restarts, state, idle, endSession };
}

describe('a restart owed to a new configuration is taken at the first idle moment', () => {
  it('restarts at once when no citizen is at the machine', () => {
    const { restarts, idle } = setUp(false);
    idle.request('platform configuration 4 applied');
    expect(restarts).toEqual(['platform configuration 4 applied']);
  });

  it('waits for the session to end, then restarts the moment it ends, once', () => {
    const { restarts, idle, endSession, state } = setUp(true);
    idle.request('platform configuration 5 applied');
    idle.whenIdle();
    expect(restarts).toEqual([]);
    endSession();
    expect(restarts).toEqual(['platform configuration 5 applied']);
    // A later session's end owes nothing.
    state.sessionOn = true;
    endSession();
    idle.whenIdle();
    expect(restarts).toHaveLength(1);
  });

  it('keeps the latest reason when two are owed during one session, and stops listening when stopped', () => {
    const { restarts, idle, endSession, state } = setUp(true);
    idle.request('platform configuration 6 applied');
    idle.request('platform configuration 7 applied');
    endSession();
    expect(restarts).toEqual(['platform configuration 7 applied']);
    state.sessionOn = true;
    idle.request('nightly maintenance');
    idle.stop();
    endSession();
    expect(restarts).toHaveLength(1);
  });
});
