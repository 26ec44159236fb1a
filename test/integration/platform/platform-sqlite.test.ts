import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { platformSuite } from './suite';

const dir = mkdtempSync(path.join(tmpdir(), 'tongban-platform-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

platformSuite('sqlite', async (name) => path.join(dir, `${name}.db`));
