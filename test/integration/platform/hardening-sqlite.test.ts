import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { hardeningSuite } from './hardening';

const dir = mkdtempSync(path.join(tmpdir(), 'tongban-hardening-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

hardeningSuite('sqlite', async (name) => path.join(dir, `${name}.db`));
