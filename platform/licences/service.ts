import { randomUUID } from 'node:crypto';
import type { CaseLicences, LicenceImport, LicenceLookupRequest, LicenceLookupResult, LicenceView } from '../../contract/platform/licences';
import { maskIdNumber } from '../../contract/platform/id-number';
import type { CaseEvent } from '../../contract/platform/events';
import { audit } from '../core/audit';
import { requireStaff, type Caller } from '../core/caller';
import type { CaseRow } from '../core/cases';
import { openRequest } from '../core/stored-request';
import type { PlatformContext } from '../core/context';
import { forbidden, notFound, PlatformError } from '../core/errors';
import type { MaterialRef } from '../../contract/platform/cases';
import { sha256Hex } from '../core/secrets';
import type { DocumentService } from '../documents/service';
import { verifySignedDocument } from '../documents/signing';
import { HolderSeal } from './holder-seal';
import { licencePdf } from './document-pdf';
import type { LicenceLibrary, LicenceRecord } from './library';

const SHANGHAI_OFFSET_MS = 8 * 3600_000;

/** Today in Beijing time: a licence valid "until 2026-12-01" is valid all that day. */
export function shanghaiDay(ms: number): string {
  return new Date(ms + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

export function isValidOn(licence: Pick<LicenceRecord, 'validFrom' | 'validUntil'>, day: string): boolean {
  return licence.validFrom <= day && (licence.validUntil === null || licence.validUntil >= day);
}

export function isRevokedOn(licence: Pick<LicenceRecord, 'revokedAt'>, day: string): boolean {
  return licence.revokedAt !== null && licence.revokedAt <= day;
}

/** Why a case cannot rest on a licence it names, in the order a clerk would check. */
export type LicenceProblem = 'licence-unknown' | 'licence-wrong-holder' | 'licence-revoked' | 'licence-expired';

/** The one rule for a named licence: it exists, belongs to the applicant (or the agent), stands, and is in date. */
export function licenceProblem(record: LicenceRecord | undefined, holders: ReadonlySet<string>, day: string): LicenceProblem | null {
  if (!record) return 'licence-unknown';
  if (!holders.has(record.holderIdNumber)) return 'licence-wrong-holder';
  if (isRevokedOn(record, day)) return 'licence-revoked';
  if (!isValidOn(record, day)) return 'licence-expired';
  return null;
}

const PROBLEM_TEXT: Record<LicenceProblem, string> = {
  'licence-unknown': 'is not in the electronic licence library',
  'licence-wrong-holder': 'belongs to neither the applicant nor the agent',
  'licence-revoked': 'was revoked by its issuer',
  'licence-expired': 'is not valid today',
};

/** Whose licences a case may name: the applicant's, and the agent's own papers. */
export function holdersOf(applicantIdNumber: string, form: Record<string, unknown>): Set<string> {
  return new Set([applicantIdNumber, ...(typeof form.agentIdNumber === 'string' ? [form.agentIdNumber] : [])]);
}

/**
 * What the platform does with the licence library: the kiosk's lookup under a recorded consent
 * (answering per type only valid / expired / missing and the number), the staff's view of a
 * case's licences (document, issuer, validity, verification; audited), and a completed case's
 * result added to the library.
 */
export class LicenceService {
  private readonly seal: HolderSeal;

  constructor(
    private readonly ctx: PlatformContext,
    readonly library: LicenceLibrary,
    private readonly documents: DocumentService,
  ) {
    this.seal = new HolderSeal(ctx.cipher);
  }

  async lookup(caller: Caller, request: LicenceLookupRequest): Promise<LicenceLookupResult> {
    if (caller.kind !== 'terminal') throw forbidden();
    const now = this.ctx.now();
    const consentId = randomUUID();
    await this.ctx.db.run(
      'INSERT INTO licence_consents (id, centre_id, terminal_id, visit_id, holder_role, holder_key, types, granted_at, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      [consentId, caller.centreId, caller.id, request.visitId, request.holderRole, await this.seal.holderKey(request.holderIdNumber), JSON.stringify(request.types), Date.parse(request.consent.grantedAt), now],
    );
    await audit(this.ctx.db, caller, 'licence-lookup', null, now, `consent ${consentId}: ${request.holderRole} ${request.types.join(',')}`);
    const found = await this.library.ofHolder(request.holderIdNumber, request.types);
    const today = shanghaiDay(now);
    return {
      consentId,
      results: request.types.map((type) => {
        // A revoked licence is as good as none: the citizen brings the paper.
        const ofType = found.filter((l) => l.type === type && !isRevokedOn(l, today));
        const valid = ofType.find((l) => isValidOn(l, today));
        if (valid) return { type, status: 'valid' as const, number: valid.number };
        return { type, status: ofType.length > 0 ? ('expired' as const) : ('missing' as const), number: null };
      }),
    };
  }

  /** The licences a case's materials name, checked against the case's applicant or agent. */
  async ofCase(caller: Caller, caseId: string): Promise<CaseLicences> {
    const staff = requireStaff(caller);
    const row = await this.ctx.db.get<CaseRow>('SELECT * FROM cases WHERE id = ?', [caseId]);
    if (!row || row.centre_id !== staff.centreId) throw notFound(`case ${caseId}`);
    if (staff.role === 'back-office' && row.department !== staff.department) throw forbidden();
    const request = openRequest(this.ctx.cipher, row);
    const holders = holdersOf(request.applicant.idNumber, request.form);
    const today = shanghaiDay(this.ctx.now());
    const licences: CaseLicences['licences'] = [];
    for (const material of request.materials) {
      if (!material.electronicLicence) continue;
      const record = await this.library.byNumber(material.electronicLicence.type, material.electronicLicence.number);
      const problem = licenceProblem(record, holders, today);
      // Somebody else's licence is never shown, not even that it exists.
      if (!record || problem === 'licence-unknown' || problem === 'licence-wrong-holder') {
        licences.push({ materialCode: material.code, licence: null, problem: 'not-found' });
        continue;
      }
      licences.push({ materialCode: material.code, licence: await this.view(record, today), problem: problem === 'licence-revoked' ? 'revoked' : problem === 'licence-expired' ? 'expired' : null });
    }
    await audit(this.ctx.db, caller, 'licence-read', caseId, this.ctx.now(), licences.map((l) => `${l.materialCode}:${l.licence?.number ?? l.problem}`).join(','));
    return { caseId, licences };
  }

  async view(record: LicenceRecord, today: string): Promise<LicenceView> {
    const digest = sha256Hex(record.document.bytes);
    const signature = verifySignedDocument(record.signed, this.documents.publicKeys);
    const data = record.signed.data;
    const matches =
      data.numberKey === (await this.seal.numberKey(record.type, record.number)) &&
      data.holderKey === (await this.seal.holderKey(record.holderIdNumber)) &&
      data.type === record.type && data.documentSha256 === digest && data.validUntil === record.validUntil && data.validFrom === record.validFrom;
    return {
      id: record.id,
      type: record.type,
      number: record.number,
      issuer: record.issuer,
      validFrom: record.validFrom,
      validUntil: record.validUntil,
      status: isValidOn(record, today) ? 'valid' : 'expired',
      holderMasked: maskIdNumber(record.holderIdNumber),
      verification: signature.status === 'genuine' && !matches ? 'altered' : signature.status,
      document: { mediaType: record.document.mediaType, base64: record.document.bytes.toString('base64'), sha256: digest },
      sourceCaseId: record.sourceCaseId,
      revokedAt: record.revokedAt,
    };
  }

  /**
   * Intake's check of the licences a case names (at submission and with a 补正 supplement):
   * each must exist, belong to the applicant or the agent, stand and be in date, or the case is
   * refused with the problem as its code and the material as its field.
   */
  async checkNamed(applicantIdNumber: string, form: Record<string, unknown>, materials: readonly MaterialRef[], prefix = 'materials'): Promise<void> {
    const holders = holdersOf(applicantIdNumber, form);
    const today = shanghaiDay(this.ctx.now());
    for (const [index, material] of materials.entries()) {
      if (!material.electronicLicence) continue;
      const { type, number } = material.electronicLicence;
      const problem = licenceProblem(await this.library.byNumber(type, number), holders, today);
      if (problem) {
        const field = `${prefix}.${index}.electronicLicence`;
        throw new PlatformError(422, problem, `${field}: the ${type} licence ${PROBLEM_TEXT[problem]}`, field);
      }
    }
  }

  async load(licences: readonly LicenceImport[]): Promise<number> {
    for (const l of licences) {
      await this.library.add({
        type: l.type,
        number: l.number,
        issuer: l.issuer,
        validFrom: l.validFrom,
        validUntil: l.validUntil,
        holderIdNumber: l.holderIdNumber,
        holderName: l.holderName,
        document: l.document
          ? { mediaType: l.document.mediaType, bytes: Buffer.from(l.document.base64, 'base64') }
          : { mediaType: 'application/pdf', bytes: licencePdf([`Licence ${l.type}`, `No. ${l.number}`, `Valid ${l.validFrom} to ${l.validUntil ?? 'open-ended'}`]) },
        sourceCaseId: null,
        revokedAt: l.revokedAt ?? null,
      });
    }
    return licences.length;
  }

  /** A completed case whose service issues a licence (catalogue `resultLicence`) adds its result to the library. */
  async onEvents(events: readonly CaseEvent[]): Promise<void> {
    for (const event of events) {
      if (event.toStatus !== 'completed') continue;
      const row = await this.ctx.db.get<CaseRow>('SELECT * FROM cases WHERE id = ?', [event.caseId]);
      if (!row?.result) continue;
      const item = (await this.ctx.catalogue()).items.find((i) => i.code === row.service_code);
      const result = JSON.parse(row.result) as { documentNumber?: string };
      if (!item?.resultLicence || !result.documentNumber) continue;
      const request = openRequest(this.ctx.cipher, row);
      const day = shanghaiDay(Date.parse(event.at));
      await this.library.add({
        type: item.resultLicence,
        number: result.documentNumber,
        issuer: item.department['zh-CN'],
        validFrom: day,
        validUntil: null,
        holderIdNumber: request.applicant.idNumber,
        holderName: request.applicant.name,
        document: { mediaType: 'application/pdf', bytes: licencePdf([`Licence ${item.resultLicence}`, `No. ${result.documentNumber}`, `Issued ${day} for case ${row.queue_number}`]) },
        sourceCaseId: row.id,
      });
    }
  }
}
