import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { caseOcrSuite } from './case-ocr-suite';

const dir = mkdtempSync(path.join(tmpdir(), 'tongban-case-ocr-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

caseOcrSuite('sqlite', async (name) => path.join(dir, `${name}.db`));
