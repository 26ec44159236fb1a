import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { visitsSuite } from './visits-suite';

const dir = mkdtempSync(path.join(tmpdir(), 'tongban-visits-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

visitsSuite('sqlite', async (name) => path.join(dir, `${name}.db`));
