import type { KeyObject } from 'node:crypto';
import { verifyIssuedDocument, type IssuedDocuments, type LookupVerification } from './registry';
import { verificationCode, type DocumentSigner, type IssuedDocumentContent, type SignedDocument } from './signing';

/**
 * What the platform does with the documents it issues: sign, keep, and answer the QR code's
 * question. Older keys stay in `publicKeys` after a key change, so paper issued before still
 * verifies.
 */
export class DocumentService {
  readonly publicKeys: Map<string, KeyObject>;

  constructor(
    private readonly signer: DocumentSigner,
    readonly registry: IssuedDocuments,
    previousKeys: ReadonlyMap<string, KeyObject> = new Map(),
  ) {
    this.publicKeys = new Map([...previousKeys, [signer.keyId, signer.publicKey]]);
  }

  async issue(content: IssuedDocumentContent): Promise<{ signed: SignedDocument; verificationCode: string }> {
    const signed = this.signer.sign(content);
    await this.registry.put(signed);
    return { signed, verificationCode: verificationCode(signed) };
  }

  verify(documentId: string, code: string): Promise<LookupVerification> {
    return verifyIssuedDocument(this.registry, this.publicKeys, documentId, code);
  }
}
