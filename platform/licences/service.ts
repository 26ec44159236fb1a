import { randomUUID } from 'node:crypto';
import type { CaseLicences, LicenceImport, LicenceLookupRequest, LicenceLookupResult, LicenceView } from '../../contract/platform/licences';
import { maskIdNumber } from '../../contract/platform/id-number';
import type { CaseEvent } from '../../contract/platform/events';
import { audit } from '../core/audit';
import { requireStaff, type Caller } from '../core/caller';
import type { CaseRow } from '../core/cases';
import { openRequest } from '../core/stored-request';
import type { PlatformContext } from '../core/context';
import { forbidden, notFound } from '../core/errors';
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
        const ofType = found.filter((l) => l.type === type);
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
    const holders = new Set([request.applicant.idNumber, ...(typeof request.form.agentIdNumber === 'string' ? [request.form.agentIdNumber] : [])]);
    const today = shanghaiDay(this.ctx.now());
    const licences: CaseLicences['licences'] = [];
    for (const material of request.materials) {
      if (!material.electronicLicence) continue;
      const record = await this.library.byNumber(material.electronicLicence.type, material.electronicLicence.number);
      if (!record || !holders.has(record.holderIdNumber)) {
        licences.push({ materialCode: material.code, licence: null, problem: 'not-found' });
        continue;
      }
      const view = await this.view(record, today);
      licences.push({ materialCode: material.code, licence: view, problem: view.status === 'expired' ? 'expired' : null });
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
    };
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
