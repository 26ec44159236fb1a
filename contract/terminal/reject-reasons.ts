/**
 * Reasons a clerk picks from when refusing a case (不予受理); free text adds the particulars.
 * Kept apart from the schemas so the UI bundle does not carry zod.
 */
export const REJECT_REASONS = ['not-in-scope', 'not-eligible', 'materials-false', 'duplicate', 'withdrawn', 'other'] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

/** How a reason is written into the case and the 不予受理通知书 (Chinese, whatever the UI language). */
export const REJECT_REASON_TEXT: Record<RejectReason, string> = {
  'not-in-scope': '不属于本中心受理范围',
  'not-eligible': '申请人不符合办理条件',
  'materials-false': '申请材料不真实或不一致',
  duplicate: '重复申请',
  withdrawn: '申请人撤回申请',
  other: '其他原因',
};
