import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoCertificate } from '../../../main/printing';
import { startPlatform, type RunningPlatform } from '../../../platform';
import { verificationUrl, type SignedDocument } from '../../../platform/documents';

/** The QR code on a certificate, followed over real HTTP to the platform that issued it. */
describe('GET /v1/documents/verify', () => {
  let dir: string;
  let platform: RunningPlatform;
  let signed: SignedDocument;
  let code: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'tongban-verify-'));
    platform = await startPlatform({ db: path.join(dir, 'platform.db'), port: 0 });
    const { verification: _placeholder, sample: _sample, ...data } = demoCertificate(12);
    const issued = await platform.services.documents!.issue({
      kind: 'contribution-certificate',
      documentId: data.certificateNo,
      issuedAt: '2026-11-23T09:00:00+08:00',
      issuer: data.issuer.name,
      data,
    });
    signed = issued.signed;
    code = issued.verificationCode;
  });

  afterAll(async () => {
    await platform?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers genuine, with the values the paper must show, for the URL in the QR code', async () => {
    const response = await fetch(verificationUrl(platform.url, signed));
    expect(response.status).toBe(200);
    const body = (await response.json()) as { status: string; document: { documentId: string; data: { months: { month: string; base: number }[] } } };
    expect(body.status).toBe('genuine');
    expect(body.document.documentId).toBe(signed.documentId);
    expect(body.document.data.months).toHaveLength(12);
    expect(body.document.data.months[0]).toMatchObject({ month: '2025-11', base: 560000 });
  });

  it('accepts the code as a person types it', async () => {
    const typed = code.toLowerCase().replace(/-/g, '');
    const response = await fetch(`${platform.url}/v1/documents/verify?id=${encodeURIComponent(signed.documentId)}&code=${typed}`);
    expect(((await response.json()) as { status: string }).status).toBe('genuine');
  });

  it('answers altered when the stored data no longer matches its signature', async () => {
    const altered = structuredClone(signed);
    (altered.data.months as { base: number }[])[5]!.base += 100;
    const tamper = (document: typeof signed) =>
      platform.db.run('UPDATE issued_documents SET content = ? WHERE document_id = ?', [JSON.stringify(document), document.documentId]);
    await tamper(altered);
    const response = await fetch(verificationUrl(platform.url, signed));
    expect(await response.json()).toMatchObject({ status: 'altered' });
    await tamper(signed);
  });

  it('gives the same 404 for an unknown id and a wrong code, and 400 for a malformed code', async () => {
    const wrong = await fetch(`${platform.url}/v1/documents/verify?id=${encodeURIComponent(signed.documentId)}&code=0000-0000-0000-0000`);
    const unknown = await fetch(`${platform.url}/v1/documents/verify?id=NOPE&code=${code}`);
    expect([wrong.status, unknown.status]).toEqual([404, 404]);
    expect(await wrong.json()).toEqual(await unknown.json());
    const malformed = await fetch(`${platform.url}/v1/documents/verify?id=x&code=${encodeURIComponent('<script>')}`);
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ error: { code: 'invalid-request', field: 'code' } });
    const missing = await fetch(`${platform.url}/v1/documents/verify?id=x`);
    expect(missing.status).toBe(400);
  });
});
