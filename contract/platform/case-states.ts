/**
 * Where a case stands and where it may go: the one state machine the platform enforces and the
 * counter's buttons follow. Plain values without imports (cases.ts builds its zod enum from
 * them), so the renderer may use them at run time.
 *
 * queued              waiting in the centre's 一窗受理 queue (取号 done)
 * claimed             a counter clerk has it on their desk (审核中)
 * accepted            受理: the application is formally accepted
 * awaiting-materials  补正: the citizen must bring everything listed, then it queues again
 * rejected            不予受理, with a reason (final)
 * transferred         转办: handed to a department for approval (分类审批)
 * returned            退回: the department sent it back to the window, with a reason
 * ready               待领取: approved, the result waits at the unified window (一口发证)
 * completed           办结: the result was issued (一口发证) (final)
 */
export const CASE_STATUSES = ['queued', 'claimed', 'accepted', 'awaiting-materials', 'rejected', 'transferred', 'returned', 'ready', 'completed'] as const;
export type CaseStatusName = (typeof CASE_STATUSES)[number];

/** The platform refuses any transition not listed here with 409 `illegal-transition`. */
export const CASE_TRANSITIONS: Record<CaseStatusName, readonly CaseStatusName[]> = {
  queued: ['claimed'],
  claimed: ['queued', 'accepted', 'awaiting-materials', 'rejected'],
  accepted: ['transferred', 'completed'],
  // After a back office's 补正 the supplied case goes straight back to its department.
  'awaiting-materials': ['queued', 'transferred'],
  rejected: [],
  transferred: ['completed', 'ready', 'returned', 'awaiting-materials'],
  returned: ['transferred', 'rejected'],
  ready: ['completed'],
  completed: [],
};

/** Where each decision of a clerk takes a case. */
export const DECISION_TARGETS = {
  accept: 'accepted',
  reject: 'rejected',
  'request-materials': 'awaiting-materials',
  transfer: 'transferred',
  complete: 'completed',
  release: 'queued',
} as const satisfies Record<string, CaseStatusName>;
export type DecisionName = keyof typeof DECISION_TARGETS;

/** Whether the state machine lets `decision` be taken on a case that is `status`. */
export function canDecide(status: CaseStatusName, decision: DecisionName): boolean {
  return CASE_TRANSITIONS[status].includes(DECISION_TARGETS[decision]);
}

/** Cases still waiting for, or under, the front desk's first decision. */
export const UNDECIDED_STATUSES: readonly CaseStatusName[] = ['queued', 'claimed'];
