import type { SignedDocument } from '../documents/signing';

/**
 * The adapter a city's electronic licence library (电子证照库) implements, like the notifier:
 * the platform asks it for a person's licences by type and hands it the licences its own
 * completed cases issue. docs/licences.md says what a city's library must provide.
 */
export interface LicenceRecord {
  id: string;
  type: string;
  number: string;
  issuer: string;
  /** YYYY-MM-DD, Beijing time. */
  validFrom: string;
  /** YYYY-MM-DD inclusive; null = no end (长期). */
  validUntil: string | null;
  /** The holder's ID number, only ever used to mask it for staff. */
  holderIdNumber: string;
  document: { mediaType: 'application/pdf' | 'image/png' | 'image/jpeg'; bytes: Buffer };
  /** The platform's signature over the licence data and the document's SHA-256. */
  signed: SignedDocument;
  sourceCaseId: string | null;
  /** YYYY-MM-DD from which the issuer withdrew it (吊销/注销); null while it stands. */
  revokedAt: string | null;
}

export type NewLicence = Omit<LicenceRecord, 'id' | 'signed' | 'revokedAt'> & { holderName: string; revokedAt?: string | null };

export interface LicenceLibrary {
  /** The holder's licences of these types, newest first per type. */
  ofHolder(holderIdNumber: string, types: readonly string[]): Promise<LicenceRecord[]>;
  /** A licence by type and number, whoever holds it. */
  byNumber(type: string, number: string): Promise<LicenceRecord | undefined>;
  /** Adds (or, for the same type and number, replaces) a licence; returns it as stored. */
  add(licence: NewLicence): Promise<LicenceRecord>;
}
