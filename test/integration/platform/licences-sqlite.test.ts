import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { licencesSuite } from './licences-suite';

const dir = mkdtempSync(path.join(tmpdir(), 'tongban-licences-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

licencesSuite('sqlite', async (name) => path.join(dir, `${name}.db`));
