import { describe, expect, it } from 'vitest';
import { checkMethod, checkSender, MAX_METHOD_LENGTH, refusedFrame } from '../../../main/electron/ipc-guard';

const WINDOW = 7;
const good = { frameUrl: 'app://tongban/index.html', isMainFrame: true, webContentsId: WINDOW };

describe('checkSender', () => {
  it('trusts the top frame of the kiosk window on the app origin', () => {
    expect(checkSender(good, WINDOW)).toEqual({ trusted: true });
  });

  it('refuses another webContents, even on the app origin', () => {
    const verdict = checkSender({ ...good, webContentsId: 8 }, WINDOW);
    expect(verdict).toMatchObject({ trusted: false, reason: expect.stringContaining('webContents 8') });
  });

  it('refuses everything while there is no kiosk window', () => {
    expect(checkSender(good, undefined).trusted).toBe(false);
  });

  it('refuses a subframe, even on the app origin', () => {
    expect(checkSender({ ...good, isMainFrame: false }, WINDOW)).toMatchObject({ trusted: false, reason: 'sent from a subframe' });
  });

  it.each([
    ['a web page', 'https://example.com/'],
    ['a look-alike origin', 'app://tongban.evil/'],
    ['file://', 'file:///work/main/dist/renderer/index.html'],
    ['a frame that is gone', undefined],
  ])('refuses %s in the kiosk window', (_what, frameUrl) => {
    const verdict = checkSender({ ...good, frameUrl }, WINDOW);
    expect(verdict).toMatchObject({ trusted: false, reason: expect.stringContaining('is not the app origin') });
  });
});

describe('checkMethod', () => {
  it('passes a method name on to the dispatcher', () => {
    expect(checkMethod(3, 'terminal.info')).toEqual({ ok: true, method: 'terminal.info' });
  });

  it.each([
    ['a number', 42],
    ['an object', { toString: () => 'terminal.info' }],
    ['nothing', undefined],
    ['an empty string', ''],
    ['an overlong string', 'x'.repeat(MAX_METHOD_LENGTH + 1)],
  ])('answers %s with a bad-request frame', (_what, method) => {
    const checked = checkMethod(3, method);
    expect(checked).toEqual({
      ok: false,
      frame: { id: 3, ok: false, error: { code: 'bad-request', message: expect.stringContaining('method must be a string') } },
    });
  });
});

describe('refusedFrame', () => {
  it('is a not-allowed error frame naming the reason', () => {
    expect(refusedFrame('sent from a subframe')).toEqual({
      id: null,
      ok: false,
      error: { code: 'not-allowed', message: 'call refused: sent from a subframe' },
    });
  });
});
