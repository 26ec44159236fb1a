import type { KeyObject } from 'node:crypto';
import { normaliseVerificationCode, verificationCode, verifySignedDocument, type SignedDocument } from './signing';

/**
 * Where the platform keeps what it issued, so that the verify endpoint can show a checker the
 * values the paper must carry. The platform's store implements this; the in-memory one serves
 * tests and the demo.
 */
export interface IssuedDocuments {
  put(document: SignedDocument): Promise<void>;
  get(documentId: string): Promise<SignedDocument | undefined>;
}

export class MemoryIssuedDocuments implements IssuedDocuments {
  private readonly byId = new Map<string, SignedDocument>();

  async put(document: SignedDocument): Promise<void> {
    this.byId.set(document.documentId, structuredClone(document));
  }

  async get(documentId: string): Promise<SignedDocument | undefined> {
    const found = this.byId.get(documentId);
    return found && structuredClone(found);
  }
}

export type LookupVerification =
  | { status: 'genuine'; document: Omit<SignedDocument, 'signature' | 'algorithm'> }
  | { status: 'altered'; reason: string }
  | { status: 'not-found' }
  | { status: 'bad-code' };

/**
 * The check behind the QR code: the id must name a document we issued, the code must be the
 * one derived from its signature, and the stored content must still match that signature (a
 * record altered in the database fails here too).
 */
export async function verifyIssuedDocument(
  registry: IssuedDocuments,
  publicKeys: ReadonlyMap<string, KeyObject>,
  documentId: string,
  code: string,
): Promise<LookupVerification> {
  const wanted = normaliseVerificationCode(code);
  if (!wanted) return { status: 'bad-code' };
  const document = await registry.get(documentId);
  if (!document || verificationCode(document) !== wanted) return { status: 'not-found' };
  const result = verifySignedDocument(document, publicKeys);
  if (result.status === 'unknown-key') return { status: 'altered', reason: `signed with unknown key ${result.keyId}` };
  if (result.status === 'altered') return result;
  const { signature: _signature, algorithm: _algorithm, ...content } = document;
  return { status: 'genuine', document: content };
}
