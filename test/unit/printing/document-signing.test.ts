import { describe, expect, it } from 'vitest';
import {
  DocumentSigner,
  MemoryIssuedDocuments,
  canonicalJson,
  normaliseVerificationCode,
  verificationCode,
  verificationUrl,
  verifyIssuedDocument,
  verifySignedDocument,
} from '../../../platform/documents';
import { demoCertificate } from '../../../main/printing';

function issue(signer = DocumentSigner.generate('k1')) {
  const { verification: _v, ...data } = demoCertificate(12);
  const signed = signer.sign({ kind: 'contribution-certificate', documentId: data.certificateNo, issuedAt: '2026-11-23T09:00:00+08:00', issuer: data.issuer.name, data });
  return { signer, signed, keys: new Map([[signer.keyId, signer.publicKey]]) };
}

describe('canonical serialisation', () => {
  it('does not depend on key order and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: [{ y: 'x', x: null }], c: undefined })).toBe(canonicalJson({ a: [{ x: null, y: 'x' }], b: 1 }));
    expect(canonicalJson({ b: 1, a: '中' })).toBe('{"a":"中","b":1}');
  });

  it('refuses values that have no single serialisation', () => {
    expect(() => canonicalJson({ a: Number.NaN })).toThrow(/\$\.a/);
    expect(() => canonicalJson({ when: new Date() })).toThrow(/Date/);
  });
});

describe('signing and verifying issued documents', () => {
  it('a genuine certificate verifies', () => {
    const { signed, keys } = issue();
    expect(verifySignedDocument(signed, keys)).toEqual({ status: 'genuine', keyId: 'k1' });
  });

  it('a changed digit in a contribution fails', () => {
    const { signed, keys } = issue();
    const tampered = structuredClone(signed);
    const month = (tampered.data.months as { pension: { personal: number } }[])[3]!;
    month.pension.personal += 1;
    expect(verifySignedDocument(tampered, keys)).toMatchObject({ status: 'altered' });
  });

  it('a changed digit in the document id, the date or the signature fails', () => {
    const { signed, keys } = issue();
    expect(verifySignedDocument({ ...signed, documentId: signed.documentId.replace(/1(?=\D*$)/, '2') }, keys).status).toBe('altered');
    expect(verifySignedDocument({ ...signed, issuedAt: '2026-11-24T09:00:00+08:00' }, keys).status).toBe('altered');
    const sig = Buffer.from(signed.signature, 'base64url');
    sig[10] = (sig[10] as number) ^ 1;
    expect(verifySignedDocument({ ...signed, signature: sig.toString('base64url') }, keys).status).toBe('altered');
  });

  it('a document signed by another key is not ours', () => {
    const { signed } = issue();
    const other = DocumentSigner.generate('k1');
    expect(verifySignedDocument(signed, new Map([['k1', other.publicKey]])).status).toBe('altered');
    expect(verifySignedDocument(signed, new Map())).toEqual({ status: 'unknown-key', keyId: 'k1' });
  });

  it('derives a readable code and a verify URL from the signature', () => {
    const { signed } = issue();
    const code = verificationCode(signed);
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
    expect(normaliseVerificationCode(code.toLowerCase().replace(/-/g, ' '))).toBe(code);
    const url = new URL(verificationUrl('https://platform.example.invalid/', signed));
    expect(url.pathname).toBe('/v1/documents/verify');
    expect(url.searchParams.get('code')).toBe(code);
    expect(url.searchParams.get('id')).toBe(signed.documentId);
  });

  it('looks an issued document up by id and code, and notices a record altered in storage', async () => {
    const { signed, keys } = issue();
    const registry = new MemoryIssuedDocuments();
    await registry.put(signed);
    const code = verificationCode(signed);
    const genuine = await verifyIssuedDocument(registry, keys, signed.documentId, code);
    expect(genuine).toMatchObject({ status: 'genuine', document: { documentId: signed.documentId, kind: 'contribution-certificate' } });
    expect(await verifyIssuedDocument(registry, keys, signed.documentId, 'AAAA-AAAA-AAAA-AAAA')).toEqual({ status: 'not-found' });
    expect(await verifyIssuedDocument(registry, keys, signed.documentId, 'not a code')).toEqual({ status: 'bad-code' });
    const altered = structuredClone(signed);
    (altered.data.months as { base: number }[])[0]!.base = 1;
    await registry.put(altered);
    expect(await verifyIssuedDocument(registry, keys, signed.documentId, code)).toMatchObject({ status: 'altered' });
  });
});
