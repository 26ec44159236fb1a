import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import type { Database } from '../store/database';
import type { IssuedDocuments } from './registry';
import { DocumentSigner, SignedDocument } from './signing';

/**
 * What the platform issued, kept in its own store: a certificate printed today still verifies
 * after the platform restarts, and a row altered in the database fails the signature check.
 */
export class StoredIssuedDocuments implements IssuedDocuments {
  constructor(private readonly db: Database) {}

  async put(document: SignedDocument): Promise<void> {
    await this.db.run('INSERT INTO issued_documents (document_id, kind, content, issued_at) VALUES (?, ?, ?, ?)', [
      document.documentId,
      document.kind,
      JSON.stringify(document),
      Date.parse(document.issuedAt),
    ]);
  }

  async get(documentId: string): Promise<SignedDocument | undefined> {
    const row = await this.db.get<{ content: string }>('SELECT content FROM issued_documents WHERE document_id = ?', [documentId]);
    if (!row) return undefined;
    const parsed = SignedDocument.safeParse(JSON.parse(row.content));
    return parsed.success ? parsed.data : undefined;
  }
}

/**
 * The signing key, made on first start and kept with the platform's data; every earlier key
 * stays for verification. A deployment that keeps keys in an HSM or KMS replaces this with a
 * signer over that service.
 */
export async function storedSigner(db: Database, now: number): Promise<{ signer: DocumentSigner; previousKeys: Map<string, KeyObject> }> {
  let rows = await db.all<{ key_id: string; private_pem: string }>('SELECT key_id, private_pem FROM signing_keys ORDER BY created_at DESC');
  if (rows.length === 0) {
    const keyId = `platform-${now}`;
    const pem = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    await db.run('INSERT INTO signing_keys (key_id, private_pem, created_at) VALUES (?, ?, ?) ON CONFLICT (key_id) DO NOTHING', [keyId, pem, now]);
    rows = await db.all<{ key_id: string; private_pem: string }>('SELECT key_id, private_pem FROM signing_keys ORDER BY created_at DESC');
  }
  const [current, ...older] = rows as [{ key_id: string; private_pem: string }, ...Array<{ key_id: string; private_pem: string }>];
  const previousKeys = new Map(older.map((row) => [row.key_id, createPublicKey(createPrivateKey(row.private_pem))] as const));
  return { signer: DocumentSigner.fromPem(current.private_pem, current.key_id), previousKeys };
}
