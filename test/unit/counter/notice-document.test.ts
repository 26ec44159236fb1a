import { describe, expect, it } from 'vitest';
import type { CaseDetail } from '../../../contract/platform/cases';
import type { CaseEvent } from '../../../contract/platform/events';
import type { DeskNotice } from '../../../contract/platform/public-status';
import { noticeDocument } from '../../../main/counter/notice-document';
import { documentHtml } from '../../../main/printing/templates';

const CASE_ID = '0196f1c2-7a3b-7c4d-8e5f-a1b2c3d4e5f6';
const detail = {
  caseId: CASE_ID,
  serviceCode: 'si-contribution-certificate',
  receivedAt: '2026-11-30T17:30:00.000Z',
  applicantMasked: { name: '李*', idNumber: '440305********0011' },
} as CaseDetail;
const settings = { reviewBody: '示范区人民政府', court: '示范区人民法院', supplementWorkingDays: 7 };

function notice(kind: DeskNotice['kind']): DeskNotice {
  return {
    kind,
    documentId: 'notice-42',
    issuedAt: '2026-12-01T02:00:00.000Z',
    verificationCode: 'ABCD-EFGH-JKMN-PQRS',
    verifyUrl: 'https://zwfw.example.gov.cn/v1/documents/verify?id=notice-42&code=ABCD-EFGH-JKMN-PQRS',
    pageUrl: 'https://zwfw.example.gov.cn/status/notices/notice-42?code=ABCD-EFGH-JKMN-PQRS',
    issuer: '示范街道党群服务中心',
  };
}

function event(type: CaseEvent['type'], reason: string | null, details: Record<string, unknown> = {}): CaseEvent {
  return { seq: 42, caseId: CASE_ID, centreId: 'c', type, fromStatus: 'claimed', toStatus: 'rejected', actor: { kind: 'staff', id: 's' }, at: '2026-12-01T02:00:00.000Z', reason, queueNumber: 'A001', details };
}

describe('the notice the desk prints, from what the platform recorded', () => {
  it('补正: each line the clerk wrote, 名称：要求 or a name alone, is a row; the site’s working days; the signed page in the QR code', async () => {
    const doc = noticeDocument({
      notice: notice('supplement-notice'),
      event: event('materials-requested', null, { missingMaterials: ['居民户口簿：首页及本人页复印件', '近期照片', ' '] }),
      detail,
      item: undefined,
      settings,
    });
    expect(doc).toMatchObject({
      kind: 'supplement-notice',
      data: {
        noticeNo: '通办补字〔2026〕第42号',
        caseNumber: 'C3D4-E5F6',
        applicant: { name: '李*', idNumberMasked: '440305********0011' },
        // Received late on 30 November UTC: 1 December in the centre's day.
        receivedOn: '2026-12-01',
        missing: [
          { name: '居民户口簿', requirement: '首页及本人页复印件' },
          { name: '近期照片', requirement: '未提交或不符合要求，请补正' },
        ],
        deadlineWorkingDays: 7,
        centre: { name: '示范街道党群服务中心' },
        verification: { code: 'ABCD-EFGH-JKMN-PQRS', url: notice('supplement-notice').pageUrl },
        sample: false,
      },
    });
    const html = await documentHtml(doc);
    expect(html).toContain('补正材料告知书');
    expect(html).toContain('ABCD-EFGH-JKMN-PQRS');
  });

  it('不予受理: the recorded reason, the catalogue’s legal basis or the general rule, and the site’s remedies', async () => {
    const reasons = event('rejected', '申请人不符合办理条件：未在本区参保');
    const withBasis = noticeDocument({
      notice: notice('rejection-notice'),
      event: reasons,
      detail,
      item: { name: { 'zh-CN': '社保参保缴费证明' }, legalBasis: [{ 'zh-CN': '《中华人民共和国社会保险法》' }] } as never,
      settings,
    });
    expect(withBasis).toMatchObject({
      kind: 'rejection-notice',
      data: {
        noticeNo: '通办不受字〔2026〕第42号',
        service: { name: '社保参保缴费证明' },
        reasons: ['申请人不符合办理条件：未在本区参保'],
        legalBasis: '《中华人民共和国社会保险法》',
        remedy: { reviewBody: '示范区人民政府', court: '示范区人民法院' },
      },
    });
    const general = noticeDocument({ notice: notice('rejection-notice'), event: reasons, detail, item: undefined, settings });
    expect(general.data).toMatchObject({ legalBasis: '《中华人民共和国行政许可法》第三十二条', service: { name: 'si-contribution-certificate' } });
    expect(await documentHtml(general)).toContain('示范区人民法院');
  });
});
