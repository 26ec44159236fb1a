import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../../../contract/platform/errors';
import { createDispatcher, ApiFailure, type Handlers } from '../../../main/api/dispatcher';
import { toApiFailure } from '../../../main/counter/counter-service';
import { silentLogger } from '../../../main/logging/logger';
import { PlatformHttpError, PlatformUnreachableError } from '../../../main/platform-link/errors';
import { isMessageKey, translate } from '../../../renderer/src/i18n';

/** Errors reach the desk as a code and its params, and the desk has words for every one of them. */
describe('errors that reach the desk', () => {
  it('carries the platform’s code and field, never only an English sentence', async () => {
    const failure = toApiFailure(new PlatformHttpError('POST /v1/cases/:caseId/decisions', 409, 'illegal-transition', 'cannot approve a case that is ready', 'caseId'));
    expect(failure).toBeInstanceOf(ApiFailure);
    expect((failure as ApiFailure).reason).toEqual({ code: 'illegal-transition', params: { field: 'caseId' } });
    expect((toApiFailure(new PlatformUnreachableError('GET /v1/queue', 'http://127.0.0.1:1', 'ECONNREFUSED')) as ApiFailure).reason?.code).toBe('unreachable');

    const dispatch = createDispatcher(
      new Proxy({} as Handlers, {
        get: () => () => {
          throw failure;
        },
      }),
      silentLogger(),
    );
    const frame = await dispatch(7, 'backOffice.queue', {});
    expect(frame).toMatchObject({ ok: false, error: { code: 'not-allowed', reason: 'illegal-transition', params: { field: 'caseId' } } });
  });

  it('has Chinese and English words for every platform error code and the desk’s own reasons', () => {
    for (const code of [...ErrorCode.options, 'unreachable', 'bad-answer', 'no-card', 'signature-not-png']) {
      const key = `counter.problem.${code}`;
      expect(isMessageKey(key), key).toBe(true);
      if (!isMessageKey(key)) continue;
      expect(translate('zh-CN', key, { field: '部门' })).not.toMatch(/[A-Za-z]/);
      expect(translate('en', key, { field: 'department' }).length).toBeGreaterThan(5);
    }
  });
});
