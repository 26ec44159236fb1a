import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { z } from 'zod';
import { canonicalJson } from './canonical';

/**
 * What the platform vouches for when it issues a document: its kind, its id, when and by whom
 * it was issued, and every value printed on it. The signature covers all of these, so a
 * changed digit anywhere in the data, or the data of one document presented under another's
 * id, fails verification.
 */
export const IssuedDocumentContent = z.object({
  kind: z.string().min(1),
  documentId: z.string().min(1),
  issuedAt: z.string().datetime({ offset: true }),
  issuer: z.string().min(1),
  data: z.record(z.string(), z.unknown()),
});
export type IssuedDocumentContent = z.infer<typeof IssuedDocumentContent>;

export const SignedDocument = IssuedDocumentContent.extend({
  keyId: z.string().min(1),
  algorithm: z.literal('Ed25519'),
  /** base64url, 64 bytes. */
  signature: z.string().regex(/^[A-Za-z0-9_-]{86}$/, 'a base64url Ed25519 signature'),
});
export type SignedDocument = z.infer<typeof SignedDocument>;

export type VerificationResult =
  | { status: 'genuine'; keyId: string }
  | { status: 'altered'; reason: string }
  | { status: 'unknown-key'; keyId: string };

function signedBytes(content: IssuedDocumentContent, keyId: string): Buffer {
  const { kind, documentId, issuedAt, issuer, data } = content;
  return Buffer.from(canonicalJson({ v: 1, kind, documentId, issuedAt, issuer, keyId, data }), 'utf8');
}

/** Holds the platform's Ed25519 private key; the public half goes to whoever verifies. */
export class DocumentSigner {
  readonly publicKey: KeyObject;

  constructor(
    private readonly privateKey: KeyObject,
    readonly keyId: string,
  ) {
    if (privateKey.asymmetricKeyType !== 'ed25519') {
      throw new TypeError(`document signing key ${keyId} is ${privateKey.asymmetricKeyType ?? 'not asymmetric'}, expected ed25519`);
    }
    this.publicKey = createPublicKey(privateKey);
  }

  static generate(keyId: string): DocumentSigner {
    return new DocumentSigner(generateKeyPairSync('ed25519').privateKey, keyId);
  }

  static fromPem(pem: string, keyId: string): DocumentSigner {
    return new DocumentSigner(createPrivateKey(pem), keyId);
  }

  sign(content: IssuedDocumentContent): SignedDocument {
    const parsed = IssuedDocumentContent.parse(content);
    const signature = sign(null, signedBytes(parsed, this.keyId), this.privateKey).toString('base64url');
    return { ...parsed, keyId: this.keyId, algorithm: 'Ed25519', signature };
  }

  /** Signs another kind of payload under the same key (the fleet's configurations), base64url. */
  signBytes(bytes: Buffer): string {
    return sign(null, bytes, this.privateKey).toString('base64url');
  }
}

/** Genuine only when the key is one of ours and the signature matches every byte of the content. */
export function verifySignedDocument(document: SignedDocument, publicKeys: ReadonlyMap<string, KeyObject>): VerificationResult {
  const key = publicKeys.get(document.keyId);
  if (!key) return { status: 'unknown-key', keyId: document.keyId };
  const parsed = SignedDocument.safeParse(document);
  if (!parsed.success) return { status: 'altered', reason: `malformed: ${parsed.error.issues[0]?.path.join('.') ?? ''} ${parsed.error.issues[0]?.message ?? ''}`.trim() };
  const ok = verify(null, signedBytes(parsed.data, parsed.data.keyId), key, Buffer.from(parsed.data.signature, 'base64url'));
  return ok ? { status: 'genuine', keyId: document.keyId } : { status: 'altered', reason: 'the signature does not match the content' };
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * The code printed beside the QR: 80 bits derived from the signature, in Crockford base32
 * (no I, L, O, U, so it can be read aloud and typed), grouped by four. It is what a checker
 * types when they cannot scan, and what makes the verify URL unguessable.
 */
export function verificationCode(document: Pick<SignedDocument, 'signature'>): string {
  const digest = createHash('sha256').update(Buffer.from(document.signature, 'base64url')).digest();
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of digest.subarray(0, 10)) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += CROCKFORD[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  return out.match(/.{4}/g)!.join('-');
}

/** Accepts what a person types: any case, with or without dashes and spaces; O→0, I/L→1. */
export function normaliseVerificationCode(input: string): string | undefined {
  const compact = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (!/^[0-9A-HJKMNP-TV-Z]{16}$/.test(compact)) return undefined;
  return compact.match(/.{4}/g)!.join('-');
}

/** The address the QR code carries: the platform's verify endpoint with the document id and code. */
export function verificationUrl(baseUrl: string, document: Pick<SignedDocument, 'documentId' | 'signature'>): string {
  // Relative to the base, so a platform published under a path (https://zwfw.example/tongban) keeps it.
  const url = new URL('v1/documents/verify', baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`);
  url.searchParams.set('id', document.documentId);
  url.searchParams.set('code', verificationCode(document));
  return url.toString();
}
