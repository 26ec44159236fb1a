import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../../main/logging/logger';

describe('logger', () => {
  it('writes JSON lines to a rotating file and censors personal keys wherever they sit', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tongban-log-'));
    const log = createLogger({ level: 'info', dir });
    log.info({ caseId: 'c-1', idNumber: '11010519491231002X', citizen: { name: '张三', phone: '13800138000' } }, 'case saved');
    log.info({ deep: { form: { address: '某路1号' } } }, 'nested');
    await new Promise<void>((resolve) => log.flush(() => resolve()));
    // The transport writes from a worker thread; give it a moment to reach the disk.
    let text = '';
    for (let i = 0; i < 50 && !text.includes('nested'); i++) {
      await new Promise((r) => setTimeout(r, 100));
      text = readdirSync(dir).map((f) => readFileSync(path.join(dir, f), 'utf8')).join('');
    }
    expect(readdirSync(dir).some((f) => /^tongban\.\d+\.log$/.test(f))).toBe(true);
    expect(text).toContain('"caseId":"c-1"');
    for (const personal of ['11010519491231002X', '张三', '13800138000', '某路1号']) expect(text).not.toContain(personal);
    expect(text).toContain('[redacted]');
  });
});
