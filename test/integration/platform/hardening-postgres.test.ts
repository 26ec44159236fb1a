import { afterAll, beforeAll } from 'vitest';
import { startLocalPostgres, type LocalPostgres } from './local-postgres';
import { hardeningSuite } from './hardening';

/** No PostgreSQL, no pass: startLocalPostgres throws with the server log, failing every test here. */
let server: LocalPostgres;
let databases = 0;
beforeAll(async () => {
  server = await startLocalPostgres();
});
afterAll(() => server?.stop());

hardeningSuite('postgres', async (name) => server.createDatabase(`h_${name.replace(/-/g, '_')}_${(databases += 1)}`));
