import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { serviceLevelsSuite } from './service-levels-suite';

const dir = mkdtempSync(path.join(tmpdir(), 'tongban-service-levels-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

serviceLevelsSuite('sqlite', async (name) => path.join(dir, `${name}.db`));
