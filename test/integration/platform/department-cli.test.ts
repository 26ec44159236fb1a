import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const bin = path.resolve('bin/tongban.js');

/** A centre configures its departments and back-office accounts from the command line. */
describe('tongban platform department / staff --role back-office', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'tongban-dept-cli-'));
  const db = path.join(dir, 'platform.db');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('adds a department and a back-office account of it, and names what is wrong', { timeout: 120_000 }, async () => {
    await run(process.execPath, [bin, 'platform', 'centre', 'add', '--db', db, '--id', 'xh-tianlin', '--name', '天林社区党群服务中心']);
    const added = await run(process.execPath, [bin, 'platform', 'department', 'add', '--db', db, '--centre', 'xh-tianlin', '--code', 'civil-affairs', '--name', '民政', '--name-en', 'Civil affairs']);
    expect(JSON.parse(added.stdout)).toEqual({ centreId: 'xh-tianlin', code: 'civil-affairs', name: { 'zh-CN': '民政', en: 'Civil affairs' } });
    const staff = await run(process.execPath, [bin, 'platform', 'staff', 'add', '--db', db, '--centre', 'xh-tianlin', '--username', 'li.minzheng', '--role', 'back-office', '--department', 'civil-affairs']);
    expect(JSON.parse(staff.stdout)).toMatchObject({ role: 'back-office', department: 'civil-affairs' });

    const badCode = await run(process.execPath, [bin, 'platform', 'department', 'add', '--db', db, '--centre', 'xh-tianlin', '--code', 'Civil Affairs', '--name', '民政']).catch((e: { stderr: string }) => e);
    expect((badCode as { stderr: string }).stderr).toMatch(/lowercase letters/);
    const unknown = await run(process.execPath, [bin, 'platform', 'staff', 'add', '--db', db, '--centre', 'xh-tianlin', '--username', 'wang.x', '--role', 'back-office', '--department', 'tax']).catch((e: { stderr: string }) => e);
    expect((unknown as { stderr: string }).stderr).toMatch(/department tax is not a department of this centre/);
  });
});
