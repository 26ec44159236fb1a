import { createHash } from 'node:crypto';
import type { Decision, FormValue } from '../../contract/platform/cases';
import type { Catalogue, ServiceItem } from '../../contract/platform/catalogue';
import type { CaseEvent } from '../../contract/platform/events';
import { submittedValues } from '../../contract/forms/validate';
import type { Queryable } from '../store/database';
import type { CaseRow, DecisionRules, PreparedDecision } from './cases';
import { openRequest, sealRequest, type StoredRequest } from './stored-request';
import type { PlatformContext } from './context';
import type { DepartmentService } from './departments';
import { PlatformError } from './errors';
import { appendEvent } from './events';
import { warningAt } from '../timeliness/timeliness';
import { canonicalJson, sha256Hex } from './secrets';

/** A stable UUID (version 8, RFC 9562) for the item case of a bundle, so that a replay makes the same one. */
export function itemCaseId(bundleId: string, serviceCode: string): string {
  const hex = createHash('sha256').update(`${bundleId}\n${serviceCode}`).digest('hex').slice(0, 32).split('');
  hex[12] = '8';
  hex[16] = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/**
 * 受理 starts the promised time: the deadline is the end of the last of the service's working
 * days on the centre's calendar. 转办 goes to a department of the centre, by default the one the
 * catalogue names. Accepting a 一件事 makes its item cases, each sent to its own department.
 */
export class AcceptanceRules implements DecisionRules {
  constructor(
    private readonly ctx: PlatformContext,
    private readonly departments: DepartmentService,
  ) {}

  private async itemOf(catalogue: Catalogue, code: string): Promise<ServiceItem> {
    const item = catalogue.items.find((i) => i.code === code);
    if (!item) throw new PlatformError(409, 'conflict', `service ${code} is no longer in the catalogue`, 'serviceCode');
    return item;
  }

  async prepare(row: CaseRow, decision: Decision): Promise<PreparedDecision> {
    if (decision.decision !== 'accept' && decision.decision !== 'transfer') return {};
    const catalogue = await this.ctx.catalogue();
    const item = await this.itemOf(catalogue, row.service_code);
    if (decision.decision === 'transfer') {
      if (item.kind === 'bundle') throw new PlatformError(409, 'illegal-transition', 'a 一件事 bundle is sent to its departments item by item when it is accepted');
      const code = decision.department ?? item.decidedBy;
      if (!code) throw new PlatformError(422, 'invalid-form', `department: ${item.code} names no deciding department; choose one`, 'department');
      await this.departments.require(row.centre_id, code, 'department');
      return { sets: { department: code }, details: { department: code } };
    }
    const now = this.ctx.now();
    const calendar = await this.departments.calendar(row.centre_id);
    const deadline = await this.departments.deadline(row.centre_id, now, item.timeLimitDays);
    const accepted: PreparedDecision = {
      sets: { accepted_at: now, deadline_at: deadline, warning_at: warningAt(calendar, deadline, item) },
      details: { deadlineAt: new Date(deadline).toISOString() },
    };
    if (item.kind !== 'bundle') return accepted;
    const parts = await Promise.all((item.bundleOf ?? []).map((code) => this.itemOf(catalogue, code)));
    const plans: { item: ServiceItem; department: string; deadline: number; warning: number }[] = [];
    for (const part of parts) {
      if (!part.decidedBy) throw new PlatformError(409, 'conflict', `bundle item ${part.code} names no deciding department in the catalogue`, 'serviceCode');
      await this.departments.require(row.centre_id, part.decidedBy, `catalogue ${part.code}.decidedBy`);
      const partDeadline = await this.departments.deadline(row.centre_id, now, part.timeLimitDays);
      plans.push({ item: part, department: part.decidedBy, deadline: partDeadline, warning: warningAt(calendar, partDeadline, part) });
    }
    return {
      ...accepted,
      after: (tx, parent, at) => this.split(tx, parent, plans, at),
    };
  }

  /** The bundle's item cases, each to its department; the bundle itself waits for them (transferred). */
  private async split(
    tx: Queryable,
    parent: CaseRow,
    plans: { item: ServiceItem; department: string; deadline: number; warning: number }[],
    at: number,
  ): Promise<CaseEvent[]> {
    const stored = openRequest(this.ctx.cipher, parent);
    const events: CaseEvent[] = [];
    const items: { serviceCode: string; caseId: string; department: string }[] = [];
    for (const [index, plan] of plans.entries()) {
      const caseId = itemCaseId(parent.id, plan.item.code);
      const names = new Set(plan.item.form.fields.map((f) => f.name));
      const form: Record<string, FormValue> = Object.fromEntries(Object.entries(stored.form).filter(([name]) => names.has(name)));
      const codes = new Set(plan.item.materials.map((m) => m.code));
      const request: StoredRequest = {
        visitId: stored.visitId,
        applicant: stored.applicant,
        form: submittedValues(plan.item.form, form),
        materials: stored.materials.filter((m) => codes.has(m.code)),
        priority: stored.priority,
      };
      const queueNumber = `${parent.queue_number}-${index + 1}`;
      await tx.run(
        `INSERT INTO cases (id, centre_id, terminal_id, source, service_code, body_hash, request, status, queue_number, priority, priority_reasons,
           submitted_at, received_at, queued_at, first_claimed_at, department, accepted_at, deadline_at, warning_at, bundle_id)
         VALUES (?, ?, ?, ?, ?, ?, ?, 'transferred', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          caseId,
          parent.centre_id,
          parent.terminal_id,
          parent.source,
          plan.item.code,
          sha256Hex(canonicalJson(request)),
          sealRequest(this.ctx.cipher, caseId, request),
          queueNumber,
          parent.priority,
          parent.priority_reasons,
          parent.submitted_at,
          parent.received_at,
          parent.queued_at,
          parent.first_claimed_at,
          plan.department,
          at,
          plan.deadline,
          plan.warning,
          parent.id,
        ],
      );
      items.push({ serviceCode: plan.item.code, caseId, department: plan.department });
      events.push(
        await appendEvent(tx, this.ctx.db.dialect, {
          centreId: parent.centre_id,
          caseId,
          queueNumber,
          type: 'transferred',
          fromStatus: null,
          toStatus: 'transferred',
          actor: { kind: 'system', id: 'bundle' },
          at,
          details: { bundleId: parent.id, serviceCode: plan.item.code, department: plan.department, deadlineAt: new Date(plan.deadline).toISOString() },
        }),
      );
    }
    const latest = plans.reduce((a, b) => (b.deadline > a.deadline ? b : a));
    await tx.run("UPDATE cases SET status = 'transferred', deadline_at = ?, warning_at = ? WHERE id = ?", [latest.deadline, latest.warning, parent.id]);
    events.push(
      await appendEvent(tx, this.ctx.db.dialect, {
        centreId: parent.centre_id,
        caseId: parent.id,
        queueNumber: parent.queue_number,
        type: 'transferred',
        fromStatus: 'accepted',
        toStatus: 'transferred',
        actor: { kind: 'system', id: 'bundle' },
        at,
        details: { items },
      }),
    );
    return events;
  }
}
