import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../../../contract/platform/errors';
import { ApiErrorCode } from '../../../contract/terminal/api';
import { createDispatcher, type Handlers } from '../../../main/api/dispatcher';
import { toApiFailure } from '../../../main/counter/counter-service';
import { silentLogger } from '../../../main/logging/logger';
import { PlatformHttpError, PlatformUnreachableError } from '../../../main/platform-link/errors';
import { TerminalApiError } from '../../../renderer/src/api/client';
import { isMessageKey } from '../../../renderer/src/i18n';
import { problemText } from '../../../renderer/src/counter/actions';
import { catalogue, locale } from '../../../renderer/src/state/store';
import { demoCatalogue } from '../../../platform/catalogue/demo-catalogue';

const HAN_OR_PUNCTUATION = /^[^A-Za-z]*$/;
const root = path.resolve(__dirname, '../../..');

/** Every reason code the terminal's counter services give a failure, read from their source. */
function reasonsInSource(): string[] {
  const dir = path.join(root, 'main/counter');
  const codes = new Set<string>();
  for (const file of readdirSync(dir)) {
    const text = readFileSync(path.join(dir, file), 'utf8');
    for (const match of text.matchAll(/new ApiFailure\([^;]*?\{\s*code: '([a-z-]+)'/gs)) codes.add(match[1]!);
  }
  return [...codes];
}

/** What the page receives for a platform answer: the terminal's failure, through the dispatcher's frame. */
async function frameFor(error: unknown): Promise<TerminalApiError> {
  const dispatch = createDispatcher(
    new Proxy({} as Handlers, {
      get: () => () => {
        throw toApiFailure(error);
      },
    }),
    silentLogger(),
  );
  const frame = await dispatch(1, 'counter.queue', {});
  if (frame.ok) throw new Error('expected a failure');
  return new TerminalApiError(frame.error);
}

const STATUS: Record<ErrorCode, number> = {
  'invalid-request': 400,
  'invalid-form': 422,
  unauthenticated: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  'illegal-transition': 409,
  'account-locked': 423,
  'payload-too-large': 413,
  'unsupported-media-type': 415,
  'rate-limited': 429,
  'queue-empty': 409,
  'too-many-streams': 429,
  internal: 500,
  'licence-unknown': 422,
  'licence-wrong-holder': 422,
  'licence-expired': 422,
  'licence-revoked': 422,
};

describe('the desk’s words for a failure', () => {
  it('turns every platform error, English sentence and field path included, into Chinese with the field’s label', async () => {
    catalogue.value = demoCatalogue;
    locale.value = 'zh-CN';
    for (const code of ErrorCode.options) {
      for (const field of [undefined, 'form.purpose', 'department']) {
        const error = new PlatformHttpError('POST /v1/cases/:caseId/decisions', STATUS[code], code, `case A002 is still on the desk: ${code}`, field);
        const text = problemText(await frameFor(error), 'si-contribution-certificate');
        expect(text, `${code} ${field}`).toMatch(HAN_OR_PUNCTUATION);
        if (field === 'form.purpose' && text.includes('（')) expect(text).toContain('（用途）');
      }
    }
    expect(problemText(await frameFor(new PlatformUnreachableError('GET /v1/queue', 'http://127.0.0.1:1', 'ECONNREFUSED')))).toBe('无法连接平台，请稍后重试');
  });

  it('has words in both tables for every reason the counter’s services give', () => {
    const reasons = reasonsInSource();
    expect(reasons).toEqual(expect.arrayContaining(['still-on-desk', 'desk-locked', 'session-expired', 'no-platform', 'no-card', 'signature-not-png']));
    for (const reason of reasons) expect(isMessageKey(`counter.problem.${reason}`), reason).toBe(true);
    for (const code of ApiErrorCode.options) expect(isMessageKey(`counter.apiError.${code}`), code).toBe(true);
  });

  it('names the field by its label and never passes the terminal’s English on', () => {
    catalogue.value = demoCatalogue;
    locale.value = 'zh-CN';
    const failure = (reason: string | undefined, params: Record<string, string> = {}, code: ApiErrorCode = 'not-allowed') =>
      new TerminalApiError({ code, message: 'A002 is still on the desk: decide, skip or release it first', ...(reason ? { reason, params } : {}) });

    const onDesk = problemText(failure('still-on-desk', { number: 'A002' }));
    expect(onDesk).toBe('A002 号还在本窗口办理中：请先受理、过号或转出，再叫下一号');

    const formField = problemText(failure('invalid-form', { field: 'form.purpose' }, 'bad-request'), 'si-contribution-certificate');
    expect(formField).toBe('填写内容不符合要求（用途）');
    const applicant = problemText(failure('invalid-form', { field: 'applicant.idNumber' }, 'bad-request'));
    expect(applicant).toBe('填写内容不符合要求（申请人身份证号码）');
    const unknownField = problemText(failure('invalid-request', { field: 'body.secretThing' }, 'bad-request'));
    expect(unknownField).toBe('请求内容有误（某项内容）');
    expect(problemText(failure('not-found', { field: '' }, 'bad-request'))).toBe('没有找到');

    for (const code of ApiErrorCode.options) expect(problemText(failure(undefined, {}, code)), code).toMatch(HAN_OR_PUNCTUATION);
    expect(problemText(failure('some-reason-nobody-knows'))).toBe('当前不能进行此操作');
    expect(problemText(new Error('socket hang up'))).toBe('本机出现故障，请联系技术人员');
    const badArgs = new TerminalApiError({ code: 'bad-request', message: 'invalid arguments for desk.search', issues: [{ path: 'tail', message: 'Invalid' }] });
    expect(problemText(badArgs)).toBe('提交的内容有误（身份证后四位），请检查后重试');
  });
});
