import { afterAll, beforeAll } from 'vitest';
import { startLocalPostgres, type LocalPostgres } from './local-postgres';
import { platformSuite } from './suite';

/** No PostgreSQL, no pass: startLocalPostgres throws with the server log, failing every test here. */
let server: LocalPostgres;
let databases = 0;
beforeAll(async () => {
  server = await startLocalPostgres();
});
afterAll(() => server?.stop());

platformSuite('postgres', async (name) => server.createDatabase(`${name}_${(databases += 1)}`));
