import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import type { DataCipher } from '../secrets/cipher';
import { loadKeyFile, type PlatformKeys } from '../secrets/key-file';
import type { Database } from '../store/database';
import type { IssuedDocuments } from './registry';
import { DocumentSigner, SignedDocument } from './signing';

const where = (documentId: string) => `issued_documents.content:${documentId}`;

/**
 * What the platform issued, kept in its own store: a certificate printed today still verifies
 * after the platform restarts, and a row altered in the database fails the signature check.
 */
export class StoredIssuedDocuments implements IssuedDocuments {
  /** The content names the person (name, masked ID number), so it is sealed like a case. */
  constructor(
    private readonly db: Database,
    private readonly cipher: DataCipher,
  ) {}

  async put(document: SignedDocument): Promise<void> {
    await this.db.run('INSERT INTO issued_documents (document_id, kind, content, issued_at) VALUES (?, ?, ?, ?)', [
      document.documentId,
      document.kind,
      this.cipher.sealText(JSON.stringify(document), where(document.documentId)),
      Date.parse(document.issuedAt),
    ]);
  }

  async get(documentId: string): Promise<SignedDocument | undefined> {
    const row = await this.db.get<{ content: string }>('SELECT content FROM issued_documents WHERE document_id = ?', [documentId]);
    if (!row) return undefined;
    // Rows of an older platform are JSON in the clear; sealed ones are base64.
    const text = row.content.startsWith('{') ? row.content : this.cipher.openText(row.content, where(documentId));
    const parsed = SignedDocument.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  }
}

/**
 * The signing keys come from the platform's key file (0600), never from the database: whoever
 * can read the database must not be able to sign a certificate that verifies. Keys an older
 * store kept in its `signing_keys` table move into the key file on first start and are
 * deleted from the database (secure_delete overwrites them). Every earlier key stays for
 * verification. A deployment with an HSM or KMS replaces this with a signer over that service.
 */
export async function keyFileSigner(
  db: Database,
  keyFile: string,
  now: number,
): Promise<{ signer: DocumentSigner; previousKeys: Map<string, KeyObject>; keys: PlatformKeys; imported: boolean }> {
  const legacy = await db.all<{ key_id: string; private_pem: string; created_at: number }>(
    'SELECT key_id, private_pem, created_at FROM signing_keys ORDER BY created_at DESC',
  );
  const keys = loadKeyFile(
    keyFile,
    now,
    legacy.map((row) => ({ keyId: row.key_id, privatePem: row.private_pem, createdAt: Number(row.created_at) })),
  );
  if (legacy.length > 0) await db.run('DELETE FROM signing_keys');
  const [current, ...older] = keys.signingKeys as [PlatformKeys['signingKeys'][number], ...PlatformKeys['signingKeys']];
  const previousKeys = new Map(older.map((key) => [key.keyId, createPublicKey(createPrivateKey(key.privatePem))] as const));
  return { signer: DocumentSigner.fromPem(current.privatePem, current.keyId), previousKeys, keys, imported: legacy.length > 0 };
}
