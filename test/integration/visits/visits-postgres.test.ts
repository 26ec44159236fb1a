import { afterAll, beforeAll } from 'vitest';
import { startLocalPostgres, type LocalPostgres } from '../platform/local-postgres';
import { visitsSuite } from './visits-suite';

let server: LocalPostgres;
beforeAll(async () => {
  server = await startLocalPostgres();
});
afterAll(() => server?.stop());

visitsSuite('postgres', async (name) => server.createDatabase(`${name}_visits`));
