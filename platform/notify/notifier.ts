import type { CaseEvent } from '../../contract/platform/events';

/** One SMS to a citizen. `text` carries no personal data (queue number and status only). */
export interface Notice {
  to: string;
  text: string;
  caseId: string;
  eventSeq: number;
}

/** Where notices go: an SMS gateway in production, the outbox table and the log in the demo. */
export interface Notifier {
  readonly channel: string;
  send(notice: Notice): Promise<void>;
}

const WORDS: Partial<Record<CaseEvent['type'], (e: CaseEvent) => string | undefined>> = {
  submitted: (e) => `您的办件已收到，排队号 ${e.queueNumber}，请留意叫号。`,
  accepted: (e) => `您的办件（${e.queueNumber}）已受理。`,
  rejected: (e) => `您的办件（${e.queueNumber}）不予受理，原因请凭回执到窗口查询或查看终端。`,
  'materials-requested': (e) => `您的办件（${e.queueNumber}）需补正材料，请按一次性告知单补齐后再到中心办理。`,
  // A 一件事 is told once, for the bundle, not once per item.
  transferred: (e) => (e.details.bundleId ? undefined : `您的办件（${e.queueNumber}）已转部门审批。`),
  completed: (e) => `您的办件（${e.queueNumber}）已办结，请按告知方式领取结果。`,
  // The pickup code goes in its own notice (core/pickup.ts); a window collection needs none.
  returned: (e) => `您的办件（${e.queueNumber}）已退回窗口复核，工作人员会与您联系。`,
  collected: (e) =>
    e.details.method === 'post' ? `您的办件（${e.queueNumber}）结果已邮寄（${String(e.details.carrier)} ${String(e.details.trackingNumber)}）。` : undefined,
};

/** The message for an event the citizen is told about, or undefined for internal steps (claims, releases). */
export function noticeText(event: CaseEvent): string | undefined {
  const text = WORDS[event.type]?.(event);
  return text ? `【通办】${text}` : undefined;
}
