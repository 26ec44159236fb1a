import type { Applicant, FormValue, IntakeRequest } from '../../contract/platform/cases';
import type { DataCipher } from '../secrets/cipher';

/** The parts of the intake request kept with the case. */
export type StoredRequest = Pick<IntakeRequest, 'visitId' | 'applicant' | 'form' | 'materials' | 'priority'> & {
  /** Ids of the 补正 supplements applied, so that a resent one is recognised. */
  supplements?: string[];
};

/** What is kept of a purged case: the applicant and form are gone, for good. */
const PURGED_APPLICANT: Applicant = { name: '', idNumber: '' };

/**
 * The `cases.request` column: everything personal sealed (an electronic licence's number is an
 * ID number), the rest readable for queries; `blobs` lists the scans' hashes so that retention
 * can tell which scans a case still needs without opening it.
 */
interface RequestColumn extends Omit<StoredRequest, 'applicant' | 'form' | 'materials'> {
  /** AES-256-GCM of `{ applicant, form, materials }`, bound to the case id; absent once purged. */
  sealed?: string;
  blobs?: string[];
  applicant?: Applicant;
  form?: Record<string, FormValue>;
  materials?: StoredRequest['materials'];
}

const where = (caseId: string) => `cases.request:${caseId}`;

/** The column's text for a case: applicant and form sealed under the platform's data key. */
export function sealRequest(cipher: DataCipher, caseId: string, request: StoredRequest): string {
  const { applicant, form, materials, ...rest } = request;
  const column: RequestColumn = {
    ...rest,
    blobs: materials.flatMap((m) => (m.blob ? [m.blob] : [])),
    sealed: cipher.sealText(JSON.stringify({ applicant, form, materials }), where(caseId)),
  };
  return JSON.stringify(column);
}

/**
 * The case's request with the personal parts opened. Every reader of `cases.request` goes
 * through here. A row written before sealing existed is read as it is (and sealed at start-up);
 * a purged one gives an empty applicant and form.
 */
export function openRequest(cipher: DataCipher, row: { id: string; request: string }): StoredRequest {
  const column = JSON.parse(row.request) as RequestColumn;
  const { sealed, applicant, form, materials, blobs: _blobs, ...rest } = column;
  if (sealed) {
    const opened = JSON.parse(cipher.openText(sealed, where(row.id))) as Pick<StoredRequest, 'applicant' | 'form'> & Partial<Pick<StoredRequest, 'materials'>>;
    return { ...rest, materials: materials ?? [], ...opened };
  }
  return { ...rest, applicant: applicant ?? PURGED_APPLICANT, form: form ?? {}, materials: materials ?? [] };
}

/** True for a row with personal data in the clear (written before it was sealed, or before materials were). */
export function isUnsealed(row: { request: string }): boolean {
  const column = JSON.parse(row.request) as RequestColumn;
  return (column.sealed === undefined && column.applicant !== undefined) || (column.materials?.length ?? 0) > 0;
}

/** The hashes of the scans a case refers to, without opening it. */
export function blobsOf(row: { request: string }): string[] {
  const column = JSON.parse(row.request) as RequestColumn;
  return column.blobs ?? (column.materials ?? []).flatMap((m) => (m.blob ? [m.blob] : []));
}

/** The column once the retention period is over: no applicant, no form, no materials. */
export function purgedRequest(row: { request: string }): string {
  const { visitId, priority } = JSON.parse(row.request) as RequestColumn;
  return JSON.stringify({ visitId, priority });
}
