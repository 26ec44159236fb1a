import { createHash, generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { startPlatform } from '../../../platform';
import { caseWithIdCardLicence, certificateCase, client, YOUNG_ID } from './helpers';

/** Holes 5 and 13 of issue 12, looked for where an attacker with the files would look: the bytes. */
const dir = mkdtempSync(path.join(tmpdir(), 'tongban-at-rest-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The raw bytes of the database and its WAL, as anyone who can read the files sees them. */
function fileBytes(db: string): Buffer {
  return Buffer.concat([db, `${db}-wal`].filter(existsSync).map((file) => readFileSync(file)));
}

const mode = (file: string) => statSync(file).mode & 0o777;

describe('the platform at rest (SQLite files)', () => {
  it('creates its database and key files 0600 and keeps no signing key or personal data in the clear', async () => {
    const db = path.join(dir, 'fresh', 'platform.db');
    const platform = await startPlatform({ db, seedDemo: true });
    try {
      const call = client(platform.url);
      const name = '诸葛明亮';
      // An electronic licence's number is the ID number: it must be sealed too.
      const body = await caseWithIdCardLicence(platform, name, '13912345678');
      expect((await call('POST', '/v1/cases', { token: platform.demoCredentials!.kiosk.credential, json: body })).status).toBe(201);
      const issued = await call('POST', '/v1/certificates/contribution', {
        token: platform.demoCredentials!.kiosk.credential,
        json: { applicant: { name, idNumber: YOUNG_ID }, period: { from: '2024-01', to: '2024-02' }, visitId: 'visit-at-rest' },
      });
      expect(issued.status).toBe(201);
      for (const file of [db, `${db}-wal`, `${db}-shm`, `${db}.keys`]) if (existsSync(file)) expect(mode(file), file).toBe(0o600);
      const bytes = fileBytes(db);
      expect(bytes.includes('PRIVATE KEY')).toBe(false);
      expect(bytes.includes(YOUNG_ID)).toBe(false);
      expect(bytes.includes('13912345678')).toBe(false);
      expect(bytes.includes(Buffer.from(JSON.stringify({ name }).slice(1, -1)))).toBe(false);
      expect(readFileSync(`${db}.keys`, 'utf8')).toContain('PRIVATE KEY');
    } finally {
      await platform.close();
    }
  });

  it('moves a signing key an older store kept into the key file, wipes it from the database, and still verifies old paper', async () => {
    const db = path.join(dir, 'legacy', 'platform.db');
    const first = await startPlatform({ db, seedDemo: true, keyFile: path.join(dir, 'legacy', 'first.keys') });
    await first.close();
    const pem = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const raw = new BetterSqlite3(db);
    raw.prepare('INSERT INTO signing_keys (key_id, private_pem, created_at) VALUES (?, ?, ?)').run('legacy-key', pem, Date.now() + 1);
    raw.close();
    expect(fileBytes(db).includes('PRIVATE KEY')).toBe(true);
    const keyFile = path.join(dir, 'legacy', 'second.keys');
    const second = await startPlatform({ db, keyFile });
    try {
      expect(fileBytes(db).includes('PRIVATE KEY')).toBe(false);
      expect(readFileSync(keyFile, 'utf8')).toContain('legacy-key');
      expect(second.services.documents!.publicKeys.has('legacy-key')).toBe(true);
    } finally {
      await second.close();
    }
  });

  it('refuses a key file others can read', async () => {
    const db = path.join(dir, 'open-keys', 'platform.db');
    const keyFile = path.join(dir, 'open-keys', 'platform.keys');
    await (await startPlatform({ db, keyFile })).close();
    const { chmodSync } = await import('node:fs');
    chmodSync(keyFile, 0o644);
    await expect(startPlatform({ db, keyFile })).rejects.toThrow(/others may read it \(mode 644\).*chmod 600/);
  });

  it('purges a finished case past retention from the rows and from the database files, keeping the audit trail', async () => {
    const db = path.join(dir, 'purge', 'platform.db');
    let now = Date.now();
    const platform = await startPlatform({ db, seedDemo: true, now: () => now, retention: { defaultDays: 30, byService: { 'si-contribution-certificate': 7 } } });
    try {
      const call = client(platform.url);
      const kiosk = platform.demoCredentials!.kiosk.credential;
      const scan = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from(`retention marker ${now}`)]);
      const sha = createHash('sha256').update(scan).digest('hex');
      expect((await call('PUT', `/v1/blobs/${sha}`, { token: kiosk, body: scan, headers: { 'content-type': 'application/pdf' } })).status).toBe(201);
      const body = certificateCase({ materials: [{ code: 'id-card', blob: sha }] });
      expect((await call('POST', '/v1/cases', { token: kiosk, json: body })).status).toBe(201);
      const kept = certificateCase();
      expect((await call('POST', '/v1/cases', { token: kiosk, json: kept })).status).toBe(201);
      const clerk = (await call('POST', '/v1/staff/sessions', { json: platform.demoCredentials!.clerk })).body.token as string;
      expect((await call('POST', '/v1/queue/claim', { token: clerk, json: { caseId: body.caseId } })).status).toBe(200);
      expect((await call('POST', `/v1/cases/${body.caseId}/decisions`, { token: clerk, json: { decision: 'reject', reason: '不符合条件' } })).status).toBe(200);
      expect((await call('GET', `/v1/cases/${body.caseId}`, { token: clerk })).status).toBe(200);

      // What an attacker with the files would grep for: the sealed applicant and the sealed scan.
      const sealedRequest = (JSON.parse((await platform.db.get<{ request: string }>('SELECT request FROM cases WHERE id = ?', [body.caseId]))!.request) as { sealed: string }).sealed;
      const sealedScan = Buffer.from((await platform.db.get<{ data: Buffer }>('SELECT data FROM blobs WHERE sha256 = ?', [sha]))!.data);
      const marker = Buffer.from(sealedRequest.slice(0, 40));
      const scanMarker = sealedScan.subarray(13, 45);
      expect(fileBytes(db).includes(marker)).toBe(true);
      expect(fileBytes(db).includes(scanMarker)).toBe(true);

      now += 6 * 86_400_000;
      expect((await platform.purgeExpired()).cases).toBe(0);
      now += 2 * 86_400_000;
      const report = await platform.purgeExpired();
      expect(report.cases).toBe(1);
      expect(report.blobs).toBe(1);

      expect(fileBytes(db).includes(marker)).toBe(false);
      expect(fileBytes(db).includes(scanMarker)).toBe(false);
      const clerkAgain = (await call('POST', '/v1/staff/sessions', { json: platform.demoCredentials!.clerk })).body.token as string;
      const after = await call('GET', `/v1/cases/${body.caseId}`, { token: clerkAgain });
      expect(after.status).toBe(200);
      expect(after.body.status).toBe('rejected');
      expect(after.body.form).toEqual({});
      const admin = (await call('POST', '/v1/staff/sessions', { json: platform.demoCredentials!.admin })).body.token as string;
      const trail = await call('GET', '/v1/audit', { token: admin });
      expect(trail.body.some((e: { action: string }) => e.action === 'retention-purge')).toBe(true);
      expect(trail.body.some((e: { action: string; caseId: string }) => e.action === 'case-read' && e.caseId === body.caseId)).toBe(true);
      expect((await call('GET', `/v1/cases/${kept.caseId}`, { token: kiosk })).body.applicantMasked.name).toBe('李*');
    } finally {
      await platform.close();
    }
  });
});
