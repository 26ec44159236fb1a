import type { ServiceItem } from '../../contract/platform/catalogue';
import type { BundleView } from '../../contract/platform/bundles';
import type { Applicant, FormValue } from '../../contract/platform/cases';
import { prefilledValues } from '../../contract/forms/prefill';
import { submittedValues, validateForm, type FormValues } from '../../contract/forms/validate';
import { isMobileNumber } from '../../contract/forms/phone';
import { shanghaiDateTime } from '../../contract/dates/shanghai-day';
import { eligibilityProblem, shanghaiToday } from '../../contract/forms/eligibility';
import type { Identity } from '../../contract/identity';
import type { CaseLookup, CaseReceiptView, CaseStatusView, PrintResultView } from '../../contract/terminal/api';
import type { RatingReason } from '../../contract/platform/ratings';
import { sleep, whenTrue } from '../../common/wait';
import { ApiFailure } from '../api/dispatcher';
import type { CatalogueService } from '../catalogue/catalogue-service';
import type { Logger } from '../logging/logger';
import type { PrintService } from '../printing/print-service';
import { printResultView } from '../printing/result-view';
import type { CitizenReprints } from '../printing/citizen-reprints';
import { caseSlipParts } from '../printing/tickets';
import type { CaseMaterialInput, CaseStore, LocalCase } from '../store/case-store';
import { caseNumberOf, normaliseCaseNumber } from '../../contract/platform/case-number';
import { receiptDocument } from './receipt-document';
import { newStatusCode } from './status-code';
import { timingSafeEqual } from 'node:crypto';

/**
 * How long a submit waits for the platform's queue number before the citizen is told the case is
 * kept on this machine: a busy kiosk uploads its scans first, and a number is worth a short wait.
 */
const SYNC_WAIT_MS = 5000;

/** How long the status page waits for a 一件事's items from the platform. */
const BUNDLE_WAIT_MS = 2000;

/** What the case service needs from the sync side: send now, and the platform's own view. */
export interface CaseSync {
  /** Ask the outbox to send now rather than at its next tick. */
  kick(): void;
  rate(caseId: string, rating: { level: number; reasons: RatingReason[]; comment?: string; visitId: string }): Promise<void>;
  /** A 一件事's items as the platform sees them; undefined where it cannot be asked. */
  bundle?(caseId: string): Promise<BundleView | undefined>;
}

export interface CaseServiceDeps {
  store: CaseStore;
  catalogue: CatalogueService;
  identity: () => Identity | undefined;
  /** The agent (代办人) whose own card was read in this session, if any. */
  agent?: () => Identity | undefined;
  session: () => { id: string } | undefined;
  sync: CaseSync;
  log: Logger;
  /** How long a submit waits for the platform's queue number before answering without it. */
  syncWaitMs?: number;
  printing?: PrintService;
  /** A failed receipt may be printed again from the screen (重新打印). */
  reprints?: CitizenReprints;
  /** Where the receipt says the case was received; `publicUrl`: the platform's public address, for the status page. */
  terminal: { id: string; centreName: string; publicUrl: string };
  /** Pages the citizen scanned this session, for the given material codes; told once they are in a case. */
  scans?: { materials(codes: readonly string[]): Promise<CaseMaterialInput[]>; submitted(codes: readonly string[]): void };
  /** The licences found with the citizen's consent for a service this session (none without it). */
  licences?: { held(serviceCode: string): readonly { code: string; type: string; number: string }[] };
}

/**
 * The kiosk's cases. A submit merges the card's data into the prefilled fields (the page never
 * had them), validates with the same rules the page and the platform use, and writes the case
 * to the local store before answering: from then on it is a fact, whether or not the platform
 * is reachable.
 */
export class CaseService {
  constructor(private readonly deps: CaseServiceDeps) {}

  async submit(serviceCode: string, answers: FormValues): Promise<CaseReceiptView> {
    const session = this.deps.session();
    if (!session) throw new ApiFailure('not-allowed', 'no citizen session');
    const item = (await this.deps.catalogue.get()).items.find((i) => i.code === serviceCode);
    if (!item) throw new ApiFailure('bad-request', `unknown service ${serviceCode}`);
    const identity = this.deps.identity();
    const values = this.#merge(item, answers, identity);
    const problems = validateForm(item.form, values);
    if (problems.length > 0) {
      throw new ApiFailure('bad-request', problems.map((p) => `${p.field}: ${p.code}`).join('; '));
    }
    const birthDate = identity?.birthDate ?? values.birthDate;
    const ineligible = typeof birthDate === 'string' ? eligibilityProblem(item, birthDate, shanghaiToday()) : undefined;
    if (ineligible) throw new ApiFailure('bad-request', `eligibility: age ${ineligible.age} is under ${ineligible.minAge}`);
    const form = submittedValues(item.form, values);
    const applicant = this.#applicant(form, identity);
    const held = this.deps.licences?.held(serviceCode) ?? [];
    const scanCodes = item.materials.filter((m) => m.scan && !held.some((h) => h.code === m.code)).map((m) => m.code);
    const recorded = this.deps.store.record({
      serviceCode,
      visitId: session.id,
      applicant,
      form,
      materials: [...held.map((h) => ({ code: h.code, electronicLicence: { type: h.type, number: h.number } })), ...((await this.deps.scans?.materials(scanCodes)) ?? [])],
      priority: { disabled: form.hasDisability === true },
      statusCode: newStatusCode(),
    });
    this.deps.scans?.submitted(scanCodes);
    this.deps.log.info({ caseId: recorded.caseId, serviceCode }, 'case recorded');
    this.deps.sync.kick();
    const synced = await this.#waitForQueueNumber(recorded.caseId);
    return {
      caseId: recorded.caseId,
      caseNumber: caseNumberOf(recorded.caseId),
      serviceCode,
      savedAt: recorded.submittedAt,
      queueNumber: synced?.queueNumber ?? null,
      synced: synced !== undefined,
      counterVisit: item.counterVisit,
    };
  }

  /** The status, and for a 一件事 each item's state when the platform answers (the local store knows the bundle only). */
  async lookupWithBundle(query: CaseLookup): Promise<CaseStatusView> {
    const view = this.lookup(query);
    const item = (await this.deps.catalogue.get()).items.find((i) => i.code === view.serviceCode);
    if (item?.kind !== 'bundle' || !view.synced || !this.deps.sync.bundle) return view;
    // A citizen is waiting at the screen: the items are shown if the platform answers quickly, else left out.
    const abort = new AbortController();
    const bundle = await Promise.race([
      this.deps.sync.bundle(view.caseId).catch(() => undefined),
      sleep(BUNDLE_WAIT_MS, abort.signal).then(() => undefined),
    ]);
    abort.abort();
    return { ...view, bundle: bundle ?? null };
  }

  lookup(query: CaseLookup): CaseStatusView {
    const found =
      'caseId' in query ? this.deps.store.get(query.caseId) : 'statusCode' in query ? this.#byStatusCode(query.statusCode) : this.#byNumber(query.caseNumber, query.idLast4);
    if (!found) throw new ApiFailure('bad-request', 'no such case at this terminal');
    const history = this.deps.store.history(found.caseId);
    const rated = history.find((h) => h.type === 'rated');
    const level = Number(rated?.details.level);
    return {
      caseId: found.caseId,
      caseNumber: caseNumberOf(found.caseId),
      serviceCode: found.serviceCode,
      status: found.status,
      queueNumber: found.queueNumber,
      synced: found.sync.state === 'synced',
      history: history.map((h) => ({ at: h.at, type: h.type, status: h.toStatus, reason: h.reason })),
      rating: rated && level >= 1 && level <= 5 ? { level } : null,
      canRate: found.status === 'completed' && !rated,
    };
  }

  async rate(caseId: string, level: number, reasons: RatingReason[], comment: string | undefined): Promise<void> {
    const session = this.deps.session();
    if (!session) throw new ApiFailure('not-allowed', 'no citizen session');
    const found = this.deps.store.get(caseId);
    if (!found || found.status !== 'completed') throw new ApiFailure('not-allowed', 'only a completed case can be rated');
    // The rating belongs to the visit the case was made in, which the platform checks (issue 12).
    await this.deps.sync.rate(caseId, { level, reasons, ...(comment ? { comment } : {}), visitId: found.visitId });
    // The platform's "rated" event comes back through the status feed; wait for it briefly so the
    // citizen's next look at the case shows the rating.
    await whenTrue(this.deps.store, 'changed', () => this.deps.store.history(caseId).some((h) => h.type === 'rated'), 3000);
  }

  /**
   * The 受理回执 on the A4 printer and a slip with the QR code on the ticket printer, whichever
   * the terminal has; the citizen is told about the A4 receipt, which is the one that counts.
   */
  async printReceipt(caseId: string): Promise<PrintResultView> {
    const printing = this.deps.printing;
    if (!printing) throw new ApiFailure('unavailable', 'this terminal has no printer');
    const local = this.deps.store.get(caseId);
    if (!local) throw new ApiFailure('bad-request', 'no such case at this terminal');
    const items = (await this.deps.catalogue.get()).items;
    const item = items.find((i) => i.code === local.serviceCode);
    if (!item) throw new ApiFailure('unavailable', `service ${local.serviceCode} is no longer in the catalogue`);
    const { id, centreName, publicUrl } = this.deps.terminal;
    const receipt = receiptDocument(this.deps.store, item, caseId, { centreName, terminalId: id, publicUrl }, items);
    const a4 = await printing.printDocument({ kind: 'case-receipt', data: receipt }, { caseId });
    const slip = await printing.printTicket(
      caseSlipParts({
        centreName,
        caseNumber: caseNumberOf(caseId),
        serviceName: item.name['zh-CN'],
        receivedAt: shanghaiDateTime(local.submittedAt),
        statusUrl: receipt.statusUrl,
      }),
      'case-slip',
      { caseId },
    );
    if (!slip.ok) this.deps.log.warn({ caseId, conditions: slip.conditions }, 'case slip not printed');
    const view = printResultView(a4);
    return this.deps.reprints ? this.deps.reprints.offer(view) : view;
  }

  #merge(item: ServiceItem, answers: FormValues, identity: Identity | undefined): FormValues {
    return identity ? { ...answers, ...prefilledValues(item.form.fields, identity, this.deps.agent?.()) } : { ...answers };
  }

  #applicant(form: Record<string, FormValue>, identity: Identity | undefined): Applicant {
    const name = identity?.name ?? form.name;
    const idNumber = identity?.idNumber ?? form.idNumber;
    if (typeof name !== 'string' || typeof idNumber !== 'string') {
      throw new ApiFailure('bad-request', 'applicant: a case needs the ID card, or a name and an ID number in the form');
    }
    const phone = isMobileNumber(form.phone) ? form.phone : undefined;
    return { name, idNumber, ...(phone ? { phone } : {}) };
  }

  #byNumber(caseNumber: string, idLast4: string): LocalCase | undefined {
    const wanted = normaliseCaseNumber(caseNumber);
    return this.deps.store
      .byIdSuffix(wanted)
      .find((c) => caseNumberOf(c.caseId) === wanted && this.deps.store.provesOwnership(c.caseId, idLast4));
  }

  /** A receipt's code scanned at the kiosk: compared in constant time with each recent case's sealed code. */
  #byStatusCode(code: string): LocalCase | undefined {
    const wanted = Buffer.from(code);
    return this.deps.store.list({ limit: 2000 }).find((c) => {
      const own = this.deps.store.readRequest(c.caseId)?.statusCode;
      return own !== undefined && own.length === code.length && timingSafeEqual(Buffer.from(own), wanted);
    });
  }

  async #waitForQueueNumber(caseId: string): Promise<LocalCase | undefined> {
    const synced = () => {
      const current = this.deps.store.get(caseId);
      return current?.queueNumber ? current : undefined;
    };
    return (await whenTrue(this.deps.store, 'changed', () => synced() !== undefined, this.deps.syncWaitMs ?? SYNC_WAIT_MS)) ? synced() : undefined;
  }
}
