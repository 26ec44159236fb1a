import { describe, expect, it } from 'vitest';
import { createDispatcher, ApiFailure, type Handlers } from '../../../main/api/dispatcher';
import { silentLogger } from '../../../main/logging/logger';

const info = {
  terminalId: 't-1',
  centreName: '中心',
  role: 'kiosk' as const,
  locale: 'zh-CN' as const,
  largeType: false,
  demo: true,
  version: '0.0.0',
  shell: 'chromium-host' as const,
  printers: { a4: false, receipt: false },
};

const unused = () => {
  throw new Error('not used in this test');
};

/** The handlers these tests use; any other method answers as a handler that throws. */
function handlers(overrides: Partial<Handlers> = {}): Handlers {
  const used: Partial<Handlers> = {
    'terminal.info': () => info,
    'session.begin': () => ({ id: 's', startedAt: new Date().toISOString(), idleSeconds: 60, warnSeconds: 10 }),
    'session.end': () => ({ ok: true }),
    ...overrides,
  };
  return new Proxy(used, { get: (target, key: string) => target[key as keyof Handlers] ?? unused }) as Handlers;
}

describe('dispatcher', () => {
  it('answers a good call', async () => {
    const dispatch = createDispatcher(handlers(), silentLogger());
    expect(await dispatch(1, 'terminal.info', {})).toEqual({ id: 1, ok: true, result: info });
  });

  it('refuses arguments that break the schema, naming the field', async () => {
    const dispatch = createDispatcher(handlers(), silentLogger());
    const response = await dispatch(2, 'session.begin', { via: 'magic' });
    expect(response).toMatchObject({ id: 2, ok: false, error: { code: 'bad-request' } });
    expect(response.ok === false && response.error.issues?.[0]?.path).toBe('via');
  });

  it('refuses unknown methods, including inherited property names', async () => {
    const dispatch = createDispatcher(handlers(), silentLogger());
    for (const method of ['nope', 'constructor', '__proto__', 'toString']) {
      expect(await dispatch(3, method, {})).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
    }
  });

  it('turns a handler bug into an internal error without leaking its message', async () => {
    const dispatch = createDispatcher(handlers({ 'terminal.info': () => { throw new Error('secret path /etc/x'); } }), silentLogger());
    const response = await dispatch(4, 'terminal.info', {});
    expect(response).toEqual({ id: 4, ok: false, error: { code: 'internal', message: 'terminal.info failed' } });
  });

  it('passes a deliberate failure through with its code', async () => {
    const dispatch = createDispatcher(handlers({ 'session.end': () => { throw new ApiFailure('not-allowed', 'no session'); } }), silentLogger());
    expect(await dispatch(5, 'session.end', { reason: 'done' })).toMatchObject({ ok: false, error: { code: 'not-allowed', message: 'no session' } });
  });

  it('never sends a result that breaks the contract', async () => {
    const broken = handlers({ 'terminal.info': () => ({ ...info, role: 'admin' }) as unknown as typeof info });
    const response = await createDispatcher(broken, silentLogger())(6, 'terminal.info', {});
    expect(response).toMatchObject({ ok: false, error: { code: 'internal' } });
  });
});
