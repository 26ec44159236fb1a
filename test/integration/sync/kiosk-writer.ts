/**
 * A kiosk process for the fault test: records cases through CaseStore and sends them with the
 * OutboxWorker, printing `ack <caseId>` once the store has acknowledged each case, `sending
 * <caseId>` as each intake request leaves, `written` once the store holds all `total` cases, then
 * `drained` when the platform has every case. Started again after each kill, it carries on
 * from the number of cases its store holds.
 *
 *   node --import tsx kiosk-writer.ts <db> <keyFile> <platformUrl> <credential> <total>
 */
import { CaseStore } from '../../../main/store/case-store';
import { keyFileProvider } from '../../../main/store/key-file';
import { LocalStore } from '../../../main/store/local-store';
import { OutboxWorker } from '../../../main/sync/outbox-worker';
import { PlatformClient } from '../../../main/sync/platform-client';
import { kioskCase, splitCredential } from './kiosk-fixtures';

const [db, keyFile, url, credential, totalText] = process.argv.slice(2);
if (!db || !keyFile || !url || !credential || !totalText) {
  process.stderr.write('usage: kiosk-writer <db> <keyFile> <platformUrl> <credential> <total>\n');
  process.exit(2);
}
const total = Number(totalText);

const store = LocalStore.open({ file: db, keys: keyFileProvider(keyFile) });
const cases = new CaseStore(store);
const worker = new OutboxWorker({
  store,
  cases,
  client: new PlatformClient({ baseUrl: url, credential: splitCredential(credential), timeoutMs: 5_000 }),
  backoff: { baseMs: 20, capMs: 400 },
});
worker.on('sending', ({ caseId }) => process.stdout.write(`sending ${caseId}\n`));
worker.on('refused', (refusal) => process.stderr.write(`refused ${JSON.stringify(refusal)}\n`));
worker.start();

for (let n = cases.count(); n < total; n += 1) {
  const { caseId } = cases.record(kioskCase(n));
  process.stdout.write(`ack ${caseId}\n`);
  // Lets the worker send while the kiosk keeps taking cases, as a real kiosk does between citizens.
  await new Promise((resolve) => setImmediate(resolve));
}
process.stdout.write('written\n');
await worker.whenDrained();
process.stdout.write('drained\n');
await worker.stop();
store.close();
