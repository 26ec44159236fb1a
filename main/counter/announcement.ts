import type { WallCall } from '../../contract/platform/calls';
import type { CalledNumber } from '../../contract/terminal/counter-api';

/** What the hall hears: 请A023号到3号窗口. The number is read as written; Mandarin voices spell the letter. */
export function announcementText(queueNumber: string, windowName: string): string {
  const place = windowName.includes('窗') ? windowName : `${windowName}窗口`;
  return `请${queueNumber}号到${place}`;
}

/**
 * The numbers a wall display shows: newest first, one line per case (a recall moves the case
 * back to the top instead of repeating it), at most `keep` lines.
 */
export function pushCalled(list: readonly CalledNumber[], called: CalledNumber, keep = 6): CalledNumber[] {
  return [called, ...list.filter((c) => c.caseId !== called.caseId)].slice(0, keep);
}

/** A call the platform kept (any window's) as the wall shows it, with the case's 效能. */
export function calledFromPlatform(call: WallCall): CalledNumber {
  return {
    caseId: call.caseId,
    queueNumber: call.queueNumber,
    windowName: call.windowName,
    announcement: announcementText(call.queueNumber, call.windowName),
    at: call.at,
    recall: call.recall,
    timeliness: call.timeliness,
  };
}
