import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { visitDeskSuite } from './visit-desk-suite';

const dir = mkdtempSync(path.join(tmpdir(), 'tongban-visit-desk-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

visitDeskSuite('sqlite', async (name) => path.join(dir, `${name}.db`));
