import { afterAll, beforeAll } from 'vitest';
import { startLocalPostgres, type LocalPostgres } from '../platform/local-postgres';
import { visitDeskSuite } from './visit-desk-suite';

let server: LocalPostgres;
beforeAll(async () => {
  server = await startLocalPostgres();
});
afterAll(() => server?.stop());

visitDeskSuite('postgres', async (name) => server.createDatabase(`${name}_visits`));
