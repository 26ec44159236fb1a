import { randomUUID } from 'node:crypto';
import { sha256Hex } from '../core/secrets';
import type { DocumentService } from '../documents/service';
import { SignedDocument } from '../documents/signing';
import type { Database } from '../store/database';
import type { DataCipher } from '../secrets/cipher';
import { HolderSeal } from './holder-seal';
import type { LicenceLibrary, LicenceRecord, NewLicence } from './library';

interface LicenceRow {
  id: string;
  type: string;
  /** A keyed hash: a resident ID card's licence number is the ID number itself. */
  number: string;
  issuer: string;
  valid_from: string;
  valid_until: string | null;
  holder_sealed: string;
  media_type: LicenceRecord['document']['mediaType'];
  document_sealed: string;
  signed: string;
  source_case_id: string | null;
  revoked_at: string | null;
}

/**
 * The reference platform's own library (the demo, and a pilot loaded from a file): licences in
 * the platform's store, each signed with the platform's document key when added.
 */
export class StoredLicenceLibrary implements LicenceLibrary {
  private readonly seal: HolderSeal;

  constructor(
    private readonly db: Database,
    private readonly documents: DocumentService,
    private readonly now: () => number,
    cipher: DataCipher,
  ) {
    this.seal = new HolderSeal(cipher);
  }

  async ofHolder(holderIdNumber: string, types: readonly string[]): Promise<LicenceRecord[]> {
    if (types.length === 0) return [];
    const key = await this.seal.holderKey(holderIdNumber);
    const rows = await this.db.all<LicenceRow>(
      `SELECT * FROM licences WHERE holder_key = ? AND type IN (${types.map(() => '?').join(', ')}) ORDER BY valid_from DESC, created_at DESC`,
      [key, ...types],
    );
    return Promise.all(rows.map((row) => this.record(row)));
  }

  async byNumber(type: string, number: string): Promise<LicenceRecord | undefined> {
    const row = await this.db.get<LicenceRow>('SELECT * FROM licences WHERE type = ? AND number = ?', [type, await this.seal.numberKey(type, number)]);
    return row ? this.record(row) : undefined;
  }

  async add(licence: NewLicence): Promise<LicenceRecord> {
    const numberKey = await this.seal.numberKey(licence.type, licence.number);
    const existing = await this.db.get<{ id: string }>('SELECT id FROM licences WHERE type = ? AND number = ?', [licence.type, numberKey]);
    const id = existing?.id ?? randomUUID();
    const now = this.now();
    // The signature covers the licence's data and the document's digest, so neither can be swapped.
    const { signed } = await this.documents.issue({
      kind: `licence:${licence.type}`,
      // A licence replaced twice within one millisecond (a pilot file loaded again) is still two documents.
      documentId: `licence-${id}-${now}-${randomUUID().slice(0, 8)}`,
      issuedAt: new Date(now).toISOString(),
      issuer: licence.issuer,
      data: {
        type: licence.type,
        numberKey,
        validFrom: licence.validFrom,
        validUntil: licence.validUntil,
        holderKey: await this.seal.holderKey(licence.holderIdNumber),
        documentSha256: sha256Hex(licence.document.bytes),
      },
    });
    const values = [
      licence.issuer,
      licence.validFrom,
      licence.validUntil,
      await this.seal.holderKey(licence.holderIdNumber),
      await this.seal.seal(Buffer.from(JSON.stringify({ idNumber: licence.holderIdNumber, name: licence.holderName, number: licence.number }), 'utf8')),
      licence.document.mediaType,
      await this.seal.seal(licence.document.bytes),
      JSON.stringify(signed),
      licence.sourceCaseId,
      licence.revokedAt ?? null,
    ];
    if (existing) {
      await this.db.run(
        'UPDATE licences SET issuer = ?, valid_from = ?, valid_until = ?, holder_key = ?, holder_sealed = ?, media_type = ?, document_sealed = ?, signed = ?, source_case_id = ?, revoked_at = ? WHERE id = ?',
        [...values, id],
      );
    } else {
      await this.db.run(
        'INSERT INTO licences (issuer, valid_from, valid_until, holder_key, holder_sealed, media_type, document_sealed, signed, source_case_id, revoked_at, id, type, number, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
        [...values, id, licence.type, numberKey, now],
      );
    }
    return (await this.byNumber(licence.type, licence.number))!;
  }

  private async record(row: LicenceRow): Promise<LicenceRecord> {
    const holder = JSON.parse((await this.seal.open(row.holder_sealed)).toString('utf8')) as { idNumber: string; number: string };
    return {
      id: row.id,
      type: row.type,
      number: holder.number,
      issuer: row.issuer,
      validFrom: row.valid_from,
      validUntil: row.valid_until,
      holderIdNumber: holder.idNumber,
      document: { mediaType: row.media_type, bytes: await this.seal.open(row.document_sealed) },
      signed: SignedDocument.parse(JSON.parse(row.signed)),
      sourceCaseId: row.source_case_id,
      revokedAt: row.revoked_at,
    };
  }
}
