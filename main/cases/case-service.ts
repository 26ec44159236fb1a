import type { FormField, ServiceItem } from '../../contract/platform/catalogue';
import { sleep } from '../../common/wait';
import type { BundleView } from '../../contract/platform/bundles';
import type { Applicant, FormValue } from '../../contract/platform/cases';
import { submittedValues, validateForm, type FormValues } from '../../contract/forms/validate';
import type { Identity } from '../../contract/identity';
import type { CaseLookup, CaseReceiptView, CaseStatusView, PrintResultView } from '../../contract/terminal/api';
import type { RatingReason } from '../../contract/platform/ratings';
import { whenTrue } from '../../common/wait';
import { ApiFailure } from '../api/dispatcher';
import type { CatalogueService } from '../catalogue/catalogue-service';
import type { Logger } from '../logging/logger';
import type { PrintOutcome, PrintService } from '../printing/print-service';
import { caseSlipParts } from '../printing/tickets';
import type { CaseMaterialInput, CaseStore, LocalCase } from '../store/case-store';
import { caseNumberOf, normaliseCaseNumber } from './case-number';
import { caseStatusLink, receiptDocument } from './receipt-document';

/** What the case service needs from the sync side: send now, and the platform's own view. */
/** How long the status page waits for a 一件事's items from the platform. */
const BUNDLE_WAIT_MS = 2000;

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
  session: () => { id: string } | undefined;
  sync: CaseSync;
  log: Logger;
  /** How long a submit waits for the platform's queue number before answering without it. */
  syncWaitMs?: number;
  printing?: PrintService;
  /** Where the receipt says the case was received. */
  terminal: { id: string; centreName: string };
  /** Pages the citizen scanned this session, for the given material codes; told once they are in a case. */
  scans?: { materials(codes: readonly string[]): CaseMaterialInput[]; submitted(codes: readonly string[]): void };
  /** The licences found with the citizen's consent for a service this session (none without it). */
  licences?: { held(serviceCode: string): readonly { code: string; type: string; number: string }[] };
}

function resultView(outcome: PrintOutcome): PrintResultView {
  return outcome.ok
    ? { ok: true, message: 'print.done', warnings: outcome.warnings }
    : { ok: false, message: outcome.citizenMessage, ...(outcome.nextStep ? { nextStep: outcome.nextStep } : {}), warnings: [] };
}

const MOBILE = /^1\d{10}$/;

function prefillValue(field: FormField, identity: Identity): FormValue | undefined {
  switch (field.prefill) {
    case 'name':
      return identity.name;
    case 'sex':
      return identity.sex;
    case 'nation':
      return identity.nation ?? undefined;
    case 'birthDate':
      return identity.birthDate;
    case 'address':
      return identity.address ?? undefined;
    case 'idNumber':
      return identity.idNumber;
    case undefined:
      return undefined;
  }
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
    const form = submittedValues(item.form, values);
    const applicant = this.#applicant(form, identity);
    const held = this.deps.licences?.held(serviceCode) ?? [];
    const scanCodes = item.materials.filter((m) => m.scan && !held.some((h) => h.code === m.code)).map((m) => m.code);
    const recorded = this.deps.store.record({
      serviceCode,
      visitId: session.id,
      applicant,
      form,
      materials: [...held.map((h) => ({ code: h.code, electronicLicence: { type: h.type, number: h.number } })), ...(this.deps.scans?.materials(scanCodes) ?? [])],
      priority: { disabled: form.hasDisability === true },
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
    const found = 'caseId' in query ? this.deps.store.get(query.caseId) : this.#byNumber(query.caseNumber, query.idLast4);
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
    await this.deps.sync.rate(caseId, { level, reasons, ...(comment ? { comment } : {}), visitId: session.id });
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
    const { id, centreName } = this.deps.terminal;
    const a4 = await printing.printDocument({ kind: 'case-receipt', data: receiptDocument(this.deps.store, item, caseId, centreName, id, items) }, { caseId });
    const slip = await printing.printTicket(
      caseSlipParts({
        centreName,
        caseNumber: caseNumberOf(caseId),
        serviceName: item.name['zh-CN'],
        receivedAt: new Date(local.submittedAt).toLocaleString('zh-CN', { hour12: false, timeZone: 'Asia/Shanghai' }),
        statusUrl: caseStatusLink(caseId),
      }),
      'case-slip',
      { caseId },
    );
    if (!slip.ok) this.deps.log.warn({ caseId, conditions: slip.conditions }, 'case slip not printed');
    return resultView(a4);
  }

  #merge(item: ServiceItem, answers: FormValues, identity: Identity | undefined): FormValues {
    const values: FormValues = { ...answers };
    if (!identity) return values;
    for (const field of item.form.fields) {
      const value = prefillValue(field, identity);
      if (value !== undefined) values[field.name] = value;
    }
    return values;
  }

  #applicant(form: Record<string, FormValue>, identity: Identity | undefined): Applicant {
    const name = identity?.name ?? form.name;
    const idNumber = identity?.idNumber ?? form.idNumber;
    if (typeof name !== 'string' || typeof idNumber !== 'string') {
      throw new ApiFailure('bad-request', 'applicant: a case needs the ID card, or a name and an ID number in the form');
    }
    const phone = typeof form.phone === 'string' && MOBILE.test(form.phone) ? form.phone : undefined;
    return { name, idNumber, ...(phone ? { phone } : {}) };
  }

  #byNumber(caseNumber: string, idLast4: string): LocalCase | undefined {
    const wanted = normaliseCaseNumber(caseNumber);
    return this.deps.store
      .byIdSuffix(wanted)
      .find((c) => caseNumberOf(c.caseId) === wanted && this.deps.store.readRequest(c.caseId)?.applicant.idNumber.endsWith(idLast4));
  }

  async #waitForQueueNumber(caseId: string): Promise<LocalCase | undefined> {
    const synced = () => {
      const current = this.deps.store.get(caseId);
      return current?.queueNumber ? current : undefined;
    };
    return (await whenTrue(this.deps.store, 'changed', () => synced() !== undefined, this.deps.syncWaitMs ?? 1500)) ? synced() : undefined;
  }
}
