import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { dashboardSuite } from './dashboard-suite';

const dir = mkdtempSync(path.join(tmpdir(), 'tongban-dashboard-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

dashboardSuite('sqlite', async (name) => path.join(dir, `${name}.db`));
