import { afterAll, beforeAll } from 'vitest';
import { deskSuite } from './desk-suite';
import { startLocalPostgres, type LocalPostgres } from './local-postgres';

let server: LocalPostgres;
beforeAll(async () => {
  server = await startLocalPostgres();
});
afterAll(() => server?.stop());

deskSuite('postgres', async (name) => server.createDatabase(`${name}_desk`));
