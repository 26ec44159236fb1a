import { describe, expect, it } from 'vitest';
import type { CaseEvent } from '../../../contract/platform/events';
import { noticeText } from '../../../platform/notify/notifier';

const event = (type: CaseEvent['type']): CaseEvent => ({
  seq: 1,
  caseId: 'c',
  centreId: 'x',
  type,
  fromStatus: null,
  toStatus: 'queued',
  actor: { kind: 'system', id: 's' },
  at: new Date(0).toISOString(),
  reason: null,
  queueNumber: 'A023',
  details: {},
});

describe('SMS notice texts', () => {
  it('name the queue number for the changes a citizen is told about', () => {
    expect(noticeText(event('submitted'))).toContain('A023');
    expect(noticeText(event('materials-requested'))).toContain('补正');
  });

  it('stay silent for internal steps', () => {
    expect(noticeText(event('claimed'))).toBeUndefined();
    expect(noticeText(event('released'))).toBeUndefined();
  });
});
