import { randomInt, randomUUID } from 'node:crypto';
import type { CaseStatus } from '../../contract/platform/cases';
import type { CaseEvent } from '../../contract/platform/events';
import { idNumberProblem, maskIdNumber } from '../../contract/platform/id-number';
import type { Collection, CollectRequest, Pickup, PickupSearch, ReadyCase } from '../../contract/platform/pickup';
import type { Queryable } from '../store/database';
import { audit } from './audit';
import { actorOf, requireWindowStaff, type Caller } from './caller';
import { summaryOf, type CaseRow } from './cases';
import { maskName } from './masking';
import type { DataCipher } from '../secrets/cipher';
import { openRequest } from './stored-request';
import { iso, type PlatformContext } from './context';
import { invalidForm, notFound, PlatformError } from './errors';
import { appendEvent } from './events';
import { canonicalJson, sha256Hex } from './secrets';

interface PickupRow {
  id: string;
  centre_id: string;
  code_hash: string;
  applicant_key: string;
  bundle_id: string | null;
  case_ids: string;
  created_at: number;
  collected_at: number | null;
  collection: string | null;
  collection_hash: string | null;
}

/** A new pickup: its code exists in clear only here, for the SMS. */
export interface IssuedPickup {
  pickupId: string;
  code: string;
  /** The case whose phone gets the SMS, and the event the notice belongs to. */
  caseId: string;
  eventSeq: number;
  queueNumber: string;
}

/** Sends a citizen an SMS through the platform's notifier (recorded with the recipient masked). */
export type SendNotice = (caseId: string, eventSeq: number, text: string) => void;

const FINISHED: readonly CaseStatus[] = ['completed', 'rejected'];

/**
 * 一口发证: what is ready to collect, found by card, code or case id at any unified window, and
 * handed over against a signature (or posted). The code and the citizen's ID number are kept
 * only as keyed hashes, so the table finds a pickup without holding either.
 */
export class PickupService {
  constructor(
    private readonly ctx: PlatformContext,
    private readonly published: (events: CaseEvent[]) => void,
    private readonly sendNotice: SendNotice,
  ) {}

  /** Codes and ID numbers are looked up by a keyed digest under the platform's key file, never stored as they are. */
  private keyed(purpose: string, value: string): string {
    return this.ctx.cipher.fingerprint(value, `pickup:${purpose}`);
  }

  /** Called in the approving transaction: one code for the cases handed out together. */
  async issue(tx: Queryable, cases: CaseRow[], bundleId: string | null, event: CaseEvent, at: number): Promise<IssuedPickup> {
    const first = cases[0]!;
    const applicant = openRequest(this.ctx.cipher, first).applicant;
    let code = '';
    let codeHash = '';
    // Six digits are read over the counter; only codes of pickups still waiting must be unique.
    for (let attempt = 0; attempt < 20; attempt += 1) {
      code = String(randomInt(0, 1_000_000)).padStart(6, '0');
      codeHash = this.keyed(`code:${first.centre_id}`, code);
      const taken = await tx.get('SELECT 1 AS taken FROM pickups WHERE centre_id = ? AND code_hash = ? AND collected_at IS NULL', [first.centre_id, codeHash]);
      if (!taken) break;
    }
    const pickupId = randomUUID();
    await tx.run('INSERT INTO pickups (id, centre_id, code_hash, applicant_key, bundle_id, case_ids, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)', [
      pickupId,
      first.centre_id,
      codeHash,
      this.keyed('id', applicant.idNumber),
      bundleId,
      JSON.stringify(cases.map((c) => c.id)),
      at,
    ]);
    return { pickupId, code, caseId: first.id, eventSeq: event.seq, queueNumber: first.queue_number };
  }

  /** After the commit: the citizen's SMS with the code (no name, no ID number). */
  announce(issued: IssuedPickup[]): void {
    for (const pickup of issued) {
      this.sendNotice(
        pickup.caseId,
        pickup.eventSeq,
        `【通办】您的办件（${pickup.queueNumber}）已办好，取件码 ${pickup.code}。请携带身份证到任一综合窗口领取，可凭身份证、取件码或办件编号查找。`,
      );
    }
  }

  async search(caller: Caller, search: PickupSearch): Promise<Pickup[]> {
    const staff = requireWindowStaff(caller);
    const db = this.ctx.db;
    let rows: PickupRow[];
    if (search.by === 'id-number') {
      const problem = idNumberProblem(search.idNumber);
      if (problem) throw invalidForm('idNumber', problem);
      rows = await db.all<PickupRow>('SELECT * FROM pickups WHERE centre_id = ? AND applicant_key = ? AND collected_at IS NULL ORDER BY created_at', [
        staff.centreId,
        this.keyed('id', search.idNumber),
      ]);
    } else if (search.by === 'code') {
      rows = await db.all<PickupRow>('SELECT * FROM pickups WHERE centre_id = ? AND code_hash = ? AND collected_at IS NULL', [
        staff.centreId,
        this.keyed(`code:${staff.centreId}`, search.code),
      ]);
    } else {
      rows = await db.all<PickupRow>('SELECT * FROM pickups WHERE centre_id = ? AND case_ids LIKE ? AND collected_at IS NULL', [
        staff.centreId,
        `%"${search.caseId}"%`,
      ]);
    }
    const pickups = [];
    for (const row of rows) {
      pickups.push(await this.view(db, row));
      for (const caseId of JSON.parse(row.case_ids) as string[]) await audit(db, staff, 'case-read', caseId, this.ctx.now(), `pickup search by ${search.by}`);
    }
    return pickups;
  }

  private async view(db: Queryable, row: PickupRow): Promise<Pickup> {
    const ids = JSON.parse(row.case_ids) as string[];
    const cases: ReadyCase[] = [];
    let applicantMasked = { name: '', idNumber: '' };
    for (const id of ids) {
      const c = await db.get<CaseRow>('SELECT * FROM cases WHERE id = ?', [id]);
      if (!c) continue;
      const summary = summaryOf(c, this.ctx.cipher, this.ctx.now());
      applicantMasked = summary.applicantMasked;
      const result = c.result ? (JSON.parse(c.result) as { documentNumber?: string; decisionText: string; amountCents?: number }) : null;
      cases.push({
        ...summary,
        result: { documentNumber: result?.documentNumber ?? null, decisionText: result?.decisionText ?? '', amountCents: result?.amountCents ?? null },
        readyAt: iso(c.ready_at ?? row.created_at),
      });
    }
    return { pickupId: row.id, bundleId: row.bundle_id, applicantMasked, cases, createdAt: iso(row.created_at) };
  }

  async collect(caller: Caller, pickupId: string, request: CollectRequest): Promise<Collection> {
    const staff = requireWindowStaff(caller);
    if (request.method === 'counter' && request.collector.kind === 'agent') {
      const problem = idNumberProblem(request.collector.idNumber);
      if (problem) throw invalidForm('collector.idNumber', problem);
    }
    const bodyHash = sha256Hex(canonicalJson(request));
    const db = this.ctx.db;
    const result = await db.transaction(async (tx) => {
      const row = await tx.get<PickupRow>(`SELECT * FROM pickups WHERE id = ?${db.dialect === 'postgres' ? ' FOR UPDATE' : ''}`, [pickupId]);
      if (!row || row.centre_id !== staff.centreId) throw notFound(`pickup ${pickupId}`);
      if (row.collected_at !== null) {
        if (row.collection_hash !== bodyHash) throw new PlatformError(409, 'conflict', `pickup ${pickupId} was already collected`);
        return { collection: JSON.parse(row.collection!) as Collection, events: [] };
      }
      if (request.method === 'counter') {
        const blobs = [request.signature.png, ...(request.collector.kind === 'agent' && request.collector.authorisation.blob ? [request.collector.authorisation.blob] : [])];
        for (const [index, sha] of blobs.entries()) {
          const found = await tx.get('SELECT 1 AS found FROM blobs WHERE centre_id = ? AND sha256 = ?', [staff.centreId, sha]);
          if (!found) throw invalidForm(index === 0 ? 'signature.png' : 'collector.authorisation.blob', `${sha} was not uploaded; PUT /v1/blobs/${sha} first`);
        }
      }
      const ids = JSON.parse(row.case_ids) as string[];
      const cases: CaseRow[] = [];
      for (const id of ids) {
        const c = await tx.get<CaseRow>(`SELECT * FROM cases WHERE id = ?${db.dialect === 'postgres' ? ' FOR UPDATE' : ''}`, [id]);
        if (!c) throw notFound(`case ${id}`);
        if (c.status !== 'ready') throw new PlatformError(409, 'illegal-transition', `case ${c.queue_number} is ${c.status}, not ready to collect`);
        cases.push(c);
      }
      const now = this.ctx.now();
      const visitId = `collect-${randomUUID()}`;
      const collection: Collection = {
        pickupId,
        caseIds: ids,
        method: request.method,
        collectedAt: iso(now),
        collectorMasked: request.method === 'counter' ? collectorMasked(this.ctx.cipher, request, cases[0]!) : null,
        signature: request.method === 'counter' ? { png: request.signature.png, strokeCount: request.signature.vector.strokes.length } : null,
        trackingNumber: request.method === 'post' ? request.trackingNumber : null,
        visitId,
      };
      // The strokes are kept with the collection; the agent's ID number only masked.
      const stored = { ...collection, signatureVector: request.method === 'counter' ? request.signature.vector : null };
      await tx.run('UPDATE pickups SET collected_at = ?, collection = ?, collection_hash = ? WHERE id = ?', [now, JSON.stringify(stored), bodyHash, pickupId]);
      const details =
        request.method === 'counter'
          ? { method: 'counter', foundBy: request.foundBy, windowName: request.windowName, collector: request.collector.kind, signature: request.signature.png, pickupId, visitId }
          : { method: 'post', carrier: request.carrier, trackingNumber: request.trackingNumber, pickupId, visitId };
      const events: CaseEvent[] = [];
      for (const c of cases) events.push(await this.complete(tx, c, staff, now, details));
      events.push(...(await this.completeBundles(tx, cases, staff, now, details)));
      return { collection, events };
    });
    this.published(result.events);
    return result.collection;
  }

  private async complete(tx: Queryable, c: CaseRow, staff: Caller, now: number, details: Record<string, unknown>): Promise<CaseEvent> {
    await tx.run("UPDATE cases SET status = 'completed', completed_at = ? WHERE id = ?", [now, c.id]);
    return appendEvent(tx, this.ctx.db.dialect, {
      centreId: c.centre_id,
      caseId: c.id,
      queueNumber: c.queue_number,
      type: 'collected',
      fromStatus: 'ready',
      toStatus: 'completed',
      actor: actorOf(staff),
      at: now,
      details,
    });
  }

  /** A bundle collected item by item completes with its last item. */
  private async completeBundles(tx: Queryable, collected: CaseRow[], staff: Caller, now: number, details: Record<string, unknown>): Promise<CaseEvent[]> {
    const events: CaseEvent[] = [];
    const bundleIds = new Set(collected.map((c) => c.bundle_id).filter((id): id is string => id !== null));
    for (const bundleId of bundleIds) {
      const parent = await tx.get<CaseRow>('SELECT * FROM cases WHERE id = ?', [bundleId]);
      if (!parent || parent.status !== 'ready') continue;
      const items = await tx.all<{ status: CaseStatus }>('SELECT status FROM cases WHERE bundle_id = ?', [bundleId]);
      if (items.every((i) => FINISHED.includes(i.status))) events.push(await this.complete(tx, parent, staff, now, details));
    }
    return events;
  }
}

function collectorMasked(cipher: DataCipher, request: Extract<CollectRequest, { method: 'counter' }>, first: CaseRow): Collection['collectorMasked'] {
  if (request.collector.kind === 'agent') {
    return { kind: 'agent', name: maskName(request.collector.name), idNumber: maskIdNumber(request.collector.idNumber), relation: request.collector.relation };
  }
  const applicant = openRequest(cipher, first).applicant;
  return { kind: 'self', name: maskName(applicant.name), idNumber: maskIdNumber(applicant.idNumber), relation: null };
}
