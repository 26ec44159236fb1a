import type { CaseSummary } from '../../../contract/platform/cases';
import { canDecide } from '../../../contract/platform/case-states';

/** Where a case on this desk may go: its department (转办) once accepted, a colleague's window while it is on this desk. */
export function transferTargets(summary: Pick<CaseSummary, 'status' | 'claimedBy'>, mine: boolean): { department: boolean; window: boolean } {
  // 待补正 → 已转办 is the supplied materials' way back to the department, not a clerk's decision.
  const department = canDecide(summary.status, 'transfer') && summary.status !== 'awaiting-materials';
  return { department, window: mine && (summary.status === 'claimed' || summary.status === 'accepted') };
}
