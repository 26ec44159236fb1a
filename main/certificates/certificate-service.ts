import type { IssuedContributionCertificate } from '../../contract/platform/certificates';
import type { CertificatePreview, PrintResultView } from '../../contract/terminal/api';
import type { Identity } from '../../contract/identity';
import { ApiFailure } from '../api/dispatcher';
import type { Logger } from '../logging/logger';
import type { PrintService } from '../printing/print-service';
import { printResultView } from '../printing/result-view';
import type { CitizenReprints } from '../printing/citizen-reprints';
import type { PrintLog } from '../store/print-log';

export interface CertificateServiceDeps {
  issue: (request: { applicant: { name: string; idNumber: string }; period: { from: string; to: string }; visitId: string }) => Promise<IssuedContributionCertificate>;
  identity: () => Identity | undefined;
  session: () => { id: string } | undefined;
  printing: PrintService | undefined;
  printLog: PrintLog;
  /** A failed certificate may be printed again from the screen (重新打印). */
  reprints?: CitizenReprints;
  log: Logger;
}

const SERVICE_CODE = 'si-contribution-certificate';

/**
 * Certificates printed on the spot (社保参保缴费证明): no case, but an audit row for each print.
 * The issued certificate is held for the session only, between the preview and the print.
 */
export class CertificateService {
  #issued: IssuedContributionCertificate | undefined;

  constructor(private readonly deps: CertificateServiceDeps) {}

  wipe(): void {
    this.#issued = undefined;
  }

  async prepare(from: string, to: string): Promise<CertificatePreview> {
    const identity = this.deps.identity();
    const session = this.deps.session();
    if (!identity || !session) throw new ApiFailure('not-allowed', 'a certificate needs the ID card on the reader');
    const issued = await this.deps.issue({ applicant: { name: identity.name, idNumber: identity.idNumber }, period: { from, to }, visitId: session.id });
    this.#issued = issued;
    const months = issued.data.months;
    return {
      documentId: issued.documentId,
      certificateNo: issued.data.certificateNo,
      period: issued.data.period,
      insuredSince: issued.data.person.insuredSince,
      months: months.map((m) => ({
        month: m.month,
        employer: m.employer,
        baseFen: m.base,
        personalFen: m.pension.personal + m.medical.personal + m.unemployment.personal,
        paid: m.paid,
      })),
      demo: issued.demo,
    };
  }

  async print(documentId: string): Promise<PrintResultView> {
    const issued = this.#issued;
    const session = this.deps.session();
    if (!issued || issued.documentId !== documentId || !session) throw new ApiFailure('not-allowed', 'prepare the certificate first');
    if (!this.deps.printing) throw new ApiFailure('unavailable', 'this terminal has no printer');
    const outcome = await this.deps.printing.printDocument({
      kind: 'contribution-certificate',
      data: { ...issued.data, verification: issued.verification, sample: issued.demo },
    });
    this.deps.printLog.recordCertificate({
      serviceCode: SERVICE_CODE,
      visitId: session.id,
      documentId,
      printer: 'a4',
      result: outcome.ok ? 'printed' : 'failed',
      ...(outcome.ok ? {} : { detail: outcome.conditions.join(',') }),
    });
    this.deps.log.info({ documentId, ok: outcome.ok }, 'contribution certificate printed');
    const view = printResultView(outcome);
    return this.deps.reprints ? this.deps.reprints.offer(view) : view;
  }
}
