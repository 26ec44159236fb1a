import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { deskSuite } from './desk-suite';

const dir = mkdtempSync(path.join(tmpdir(), 'tongban-desk-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

deskSuite('sqlite', async (name) => path.join(dir, `${name}.db`));
