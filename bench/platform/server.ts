import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startPlatform } from '../../platform';

/**
 * The platform under benchmark, in its own process so that the load generator does not share
 * its event loop. Registers `centres` × `terminalsPerCentre` kiosks and `clerks` signed-in
 * clerks and as many back-office staff (社保) in the first centre, prints one JSON line with the URL and credentials, and stops on
 * SIGTERM. With `join` it registers nothing: a second process of a city on the same PostgreSQL,
 * serving the first one's terminals (BENCH_KEY_FILE names the key file they share).
 */
const [db, centresArg, perCentreArg, clerksArg, mode] = process.argv.slice(2);
if (!db) throw new Error('usage: server.ts <db> <centres> <terminalsPerCentre> <clerks> [join]');
const centres = Number(centresArg ?? 1);
const perCentre = Number(perCentreArg ?? 1);
const clerkCount = Number(clerksArg ?? 1);

// The key file in a directory of its own, so a PostgreSQL run leaves nothing in the user's config.
const keyFile = process.env.BENCH_KEY_FILE ?? path.join(mkdtempSync(path.join(tmpdir(), 'tongban-bench-keys-')), 'platform.keys');
const platform = await startPlatform({ db, seedDemo: false, rateLimitPerMinute: 10_000_000, signInAttemptsPerMinute: 10_000, keyFile });
process.once('SIGTERM', () => {
  platform.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
});
/** The centres, kiosks, clerks and back-office staff the load uses, with their credentials. */
async function register() {
  const { access } = platform.services;
  const terminals: string[] = [];
  for (let c = 0; c < centres; c += 1) {
    await access.createCentre(`bench-${c}`, `Bench centre ${c}`);
    for (let t = 0; t < perCentre; t += 1) {
      terminals.push((await access.registerTerminal(`bench-${c}`, { terminalId: `bench-${c}-${t}`, kind: 'kiosk', name: 'bench' })).credential);
    }
  }
  const clerks: string[] = [];
  for (let i = 0; i < clerkCount; i += 1) {
    const password = 'bench-password-123';
    await access.createStaff('bench-0', { username: `bench.clerk${i}`, displayName: `Clerk ${i}`, role: 'staff', password });
    clerks.push((await access.signIn(`bench.clerk${i}`, password)).token);
  }
  // The back office of one department of the first centre, for the decision and pickup figures.
  await platform.services.departments.upsert('bench-0', 'social-insurance', { 'zh-CN': '社保' });
  const backOffice: string[] = [];
  for (let i = 0; i < clerkCount; i += 1) {
    const password = 'bench-password-123';
    await access.createStaff('bench-0', { username: `bench.shebao${i}`, displayName: `Back office ${i}`, role: 'back-office', password, department: 'social-insurance' });
    backOffice.push((await access.signIn(`bench.shebao${i}`, password)).token);
  }
  return { terminals, clerks, backOffice };
}

const credentials = mode === 'join' ? { terminals: [], clerks: [], backOffice: [] } : await register();
process.stdout.write(`${JSON.stringify({ url: platform.url, dialect: platform.db.dialect, ...credentials })}\n`);
