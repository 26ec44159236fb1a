import { afterAll, beforeAll } from 'vitest';
import { startLocalPostgres, type LocalPostgres } from '../platform/local-postgres';
import { serviceLevelsSuite } from './service-levels-suite';

let server: LocalPostgres;
beforeAll(async () => {
  server = await startLocalPostgres();
});
afterAll(() => server?.stop());

serviceLevelsSuite('postgres', async (name) => server.createDatabase(`${name}_sla`));
