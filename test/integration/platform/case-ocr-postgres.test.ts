import { afterAll, beforeAll } from 'vitest';
import { caseOcrSuite } from './case-ocr-suite';
import { startLocalPostgres, type LocalPostgres } from './local-postgres';

let server: LocalPostgres;
beforeAll(async () => {
  server = await startLocalPostgres();
});
afterAll(() => server?.stop());

caseOcrSuite('postgres', async (name) => server.createDatabase(`${name}_ocr`));
