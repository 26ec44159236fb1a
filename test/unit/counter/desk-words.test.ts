import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ApiErrorCode } from '../../../contract/terminal/api';
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

describe('the desk’s words for a failure', () => {
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
