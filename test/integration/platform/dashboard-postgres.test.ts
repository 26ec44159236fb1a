import { afterAll, beforeAll } from 'vitest';
import { dashboardSuite } from './dashboard-suite';
import { startLocalPostgres, type LocalPostgres } from './local-postgres';

let server: LocalPostgres;
beforeAll(async () => {
  server = await startLocalPostgres();
});
afterAll(() => server?.stop());

dashboardSuite('postgres', async (name) => server.createDatabase(`${name}_dashboard`));
