import { afterAll, beforeAll } from 'vitest';
import { licencesSuite } from './licences-suite';
import { startLocalPostgres, type LocalPostgres } from './local-postgres';

let server: LocalPostgres;
beforeAll(async () => {
  server = await startLocalPostgres();
});
afterAll(() => server?.stop());

licencesSuite('postgres', async (name) => server.createDatabase(`${name}_licences`));
