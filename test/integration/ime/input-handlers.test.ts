import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { StopList } from '../../../common/stop-list';
import { inputHandlers } from '../../../main/ime/handlers';
import type { SessionService } from '../../../main/session/session-service';

const log = pino({ level: 'silent' });

describe('the input handlers load their engines at the first request', () => {
  it('answers pinyin and handwriting through modules imported on first use, and resets pinyin when a session is wiped', async () => {
    const wipes: (() => void)[] = [];
    const sessions = { onWipe: (fn: () => void) => wipes.push(fn) } as unknown as SessionService;
    const stops = new StopList(log);
    const handlers = inputHandlers({ sessions, stops, log });
    // Before any request a wipe has no engine to reset, and must not make one.
    for (const wipe of wipes) wipe();

    const pinyin = await handlers['ime.candidates']({ input: 'zhangsan', kind: 'text', hasSurname: false, limit: 5 });
    expect(pinyin.engine).toBe('rime');
    expect(pinyin.candidates.map((c) => c.text)).toContain('张三');
    for (const wipe of wipes) wipe();

    // One horizontal stroke: Zinnia's first guess for 一 is 一.
    expect(await handlers['handwriting.status']({})).toEqual({ available: true });
    const hand = await handlers['handwriting.recognise']({ strokes: [[[20, 150], [280, 150]]], width: 300, height: 300, limit: 5 });
    expect(hand.candidates).toContain('一');
    await stops.stopAll();
  });

  it('takes libzinnia from the configuration, and says the pad is off where it is not there', async () => {
    const sessions = { onWipe: () => undefined } as unknown as SessionService;
    const stops = new StopList(log);
    const handlers = inputHandlers({ sessions, stops, log, handwriting: { library: '/nonexistent/zinnia.dll' } });
    expect(await handlers['handwriting.status']({})).toEqual({ available: false });
    await expect(handlers['handwriting.recognise']({ strokes: [[[20, 150], [280, 150]]], width: 300, height: 300, limit: 5 })).rejects.toThrow(/\/nonexistent\/zinnia\.dll/);
    await stops.stopAll();
  });
});
