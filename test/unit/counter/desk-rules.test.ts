import { describe, expect, it } from 'vitest';
import { CASE_STATUSES } from '../../../contract/platform/case-states';
import { DESK_LISTS } from '../../../contract/platform/desk-lists';
import { transferTargets } from '../../../renderer/src/counter/transfer-rules';

describe('the desk’s rules for moving a case', () => {
  it('offers the department once accepted or returned, another window only while the case is on my desk', () => {
    expect(transferTargets({ status: 'claimed', claimedBy: 'me' }, true)).toEqual({ department: false, window: true });
    expect(transferTargets({ status: 'accepted', claimedBy: 'me' }, true)).toEqual({ department: true, window: true });
    expect(transferTargets({ status: 'accepted', claimedBy: 'someone' }, false)).toEqual({ department: true, window: false });
    expect(transferTargets({ status: 'returned', claimedBy: 'me' }, true)).toEqual({ department: true, window: false });
    for (const status of ['queued', 'transferred', 'ready', 'completed', 'rejected', 'awaiting-materials'] as const) {
      expect(transferTargets({ status, claimedBy: 'me' }, true), status).toEqual({ department: false, window: false });
    }
  });

  it('lists my cases only by statuses the state machine has', () => {
    for (const list of DESK_LISTS) expect(CASE_STATUSES).toContain(list);
  });
});
