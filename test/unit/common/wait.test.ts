import { EventEmitter, once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { Backoff } from '../../../common/backoff';
import { errorMessage, fetchFailureReason } from '../../../common/errors';
import { Sleeper, sleep, whenTrue } from '../../../common/wait';

describe('abortable waits', () => {
  it('sleep ends early, without rejecting, when its signal aborts', async () => {
    const controller = new AbortController();
    const started = Date.now();
    const waiting = sleep(60_000, controller.signal);
    controller.abort();
    await waiting;
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('a Sleeper with no deadline waits until woken', async () => {
    const sleeper = new Sleeper();
    let woken = false;
    const waiting = sleeper.sleep(undefined).then(() => (woken = true));
    await sleep(20);
    expect(woken).toBe(false);
    sleeper.wake();
    await waiting;
    expect(woken).toBe(true);
  });

  it('a wake while nothing sleeps is kept for the next sleep, once', async () => {
    const sleeper = new Sleeper();
    sleeper.wake();
    const started = Date.now();
    await sleeper.sleep(60_000);
    expect(Date.now() - started).toBeLessThan(5_000);
    let woken = false;
    const waiting = sleeper.sleep(30).then(() => (woken = true));
    await sleep(5);
    expect(woken).toBe(false);
    await waiting;
  });

  it('whenTrue looks again at each event, and answers false at its timeout', async () => {
    const emitter = new EventEmitter();
    let value = 0;
    const seen = whenTrue(emitter, 'changed', () => value === 2, 5_000);
    value = 1;
    emitter.emit('changed');
    value = 2;
    emitter.emit('changed');
    expect(await seen).toBe(true);
    expect(await whenTrue(emitter, 'changed', () => false, 30)).toBe(false);
    expect(emitter.listenerCount('changed')).toBe(0);
  });
});

describe('counting backoff', () => {
  it('doubles to its cap and starts again after a reset', () => {
    const backoff = new Backoff({ baseMs: 250, capMs: 1000 });
    expect([backoff.next(), backoff.next(), backoff.next(), backoff.next()]).toEqual([250, 500, 1000, 1000]);
    backoff.reset();
    expect(backoff.next()).toBe(250);
  });
});

describe('error messages', () => {
  it('reads an Error, a string and anything else', () => {
    expect(errorMessage(new Error('port gone'))).toBe('port gone');
    expect(errorMessage('plain')).toBe('plain');
    expect(errorMessage(42)).toBe('42');
  });

  it("names the system's reason behind fetch's bare failure", async () => {
    // A port that was free a moment ago: nobody listens there now.
    const server = createServer().listen(0, '127.0.0.1');
    await once(server, 'listening');
    const { port } = server.address() as AddressInfo;
    server.close();
    await once(server, 'close');
    const error = await fetch(`http://127.0.0.1:${port}/`).catch((e: unknown) => e);
    expect(fetchFailureReason(error)).toBe('ECONNREFUSED');
  });
});
