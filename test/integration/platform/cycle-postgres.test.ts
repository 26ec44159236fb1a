import { afterAll, beforeAll } from 'vitest';
import { cycleSuite } from './cycle-suite';
import { startLocalPostgres, type LocalPostgres } from './local-postgres';

let server: LocalPostgres;
beforeAll(async () => {
  server = await startLocalPostgres();
});
afterAll(() => server?.stop());

cycleSuite('postgres', async (name) => server.createDatabase(`${name}_cycle`));
