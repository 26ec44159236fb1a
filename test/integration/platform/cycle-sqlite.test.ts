import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { cycleSuite } from './cycle-suite';

const dir = mkdtempSync(path.join(tmpdir(), 'tongban-cycle-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

cycleSuite('sqlite', async (name) => path.join(dir, `${name}.db`));
