import type { CaseReceipt, ContributionCertificate, PrintableDocument, RejectionNotice, SupplementNotice, DocumentKind } from './documents';

/**
 * Fictional people, employers and numbers for the demo site, training and `tongban print
 * render`. Every demo document carries the SAMPLE watermark; a real certificate comes signed
 * from the platform with its own verification code.
 */

const CENTRE = { name: '示范市示范区通办街道党群服务中心', address: '示范市示范区通办路1号', phone: '0757-00000000' };
const APPLICANT = { name: '李示范', idNumberMasked: '440602********123X' };

function addMonths(ym: string, n: number): string {
  const [y, m] = ym.split('-').map(Number) as [number, number];
  const t = y * 12 + (m - 1) + n;
  return `${Math.floor(t / 12)}-${String((t % 12) + 1).padStart(2, '0')}`;
}

/** A certificate over `months` months ending 2026-10, contributions at Guangdong-like rates. */
export function demoCertificate(months = 12): ContributionCertificate {
  const to = '2026-10';
  const from = addMonths(to, -(months - 1));
  return {
    certificateNo: `SB${from.replace('-', '')}${String(months).padStart(3, '0')}0001`,
    person: { ...APPLICANT, insuredSince: '2015-07' },
    insurances: [
      { type: 'pension', status: '参保缴费', since: '2015-07' },
      { type: 'medical', status: '参保缴费', since: '2015-07' },
      { type: 'unemployment', status: '参保缴费', since: '2015-07' },
      { type: 'injury', status: '参保缴费', since: '2015-07' },
    ],
    period: { from, to },
    months: Array.from({ length: months }, (_, i) => {
      const month = addMonths(from, i);
      const base = month < '2026-01' ? 560000 : 600000;
      return {
        month,
        employer: i < months / 2 && months > 24 ? '示范市甲乙丙科技有限公司' : '示范市通办示范服务有限公司',
        base,
        pension: { employer: Math.round(base * 0.15), personal: Math.round(base * 0.08) },
        medical: { employer: Math.round(base * 0.055), personal: Math.round(base * 0.02) },
        unemployment: { employer: Math.round(base * 0.008), personal: Math.round(base * 0.002) },
        injury: Math.round(base * 0.002),
        paid: true,
      };
    }),
    issuer: CENTRE,
    issuedOn: '2026-11-23',
    verification: { code: '0000-0000-0000-0000', url: 'https://platform.example.invalid/v1/documents/verify?id=DEMO&code=0000-0000-0000-0000' },
    sample: true,
  };
}

export function demoReceipt(): CaseReceipt {
  return {
    caseNumber: 'TB-20261123-000123',
    queueNumber: 'A023',
    service: { code: '440600-SB-0012', name: '灵活就业人员参保登记' },
    applicant: APPLICANT,
    receivedAt: '2026年11月23日 09:41',
    materials: [
      { name: '居民身份证', form: '原件', copies: 1 },
      { name: '灵活就业人员参保登记表', form: '原件', copies: 1 },
      { name: '户口簿首页及本人页', form: '复印件', copies: 1 },
    ],
    promisedWorkingDays: 5,
    nextSteps: ['窗口工作人员将在1个工作日内审核材料。', '审核结果将以短信通知，也可扫描下方二维码查询。', '办结后凭本回执到综合窗口领取结果，或选择邮寄送达。'],
    statusUrl: 'https://platform.example.invalid/status/TB-20261123-000123',
    centre: CENTRE,
    terminalId: 'kiosk-demo-01',
    sample: true,
  };
}

export function demoSupplementNotice(): SupplementNotice {
  return {
    noticeNo: '示通补字〔2026〕第0088号',
    caseNumber: 'TB-20261123-000123',
    service: { code: '440600-SB-0012', name: '灵活就业人员参保登记' },
    applicant: APPLICANT,
    receivedOn: '2026-11-23',
    missing: [
      { name: '户口簿首页及本人页', requirement: '复印件字迹不清，请提供清晰复印件1份（A4纸）' },
      { name: '近期一寸免冠彩色照片', requirement: '未提供，需1张，白底' },
      { name: '解除劳动合同证明', requirement: '未提供，需原件1份并加盖原单位公章' },
    ],
    deadlineWorkingDays: 10,
    centre: CENTRE,
    issuedOn: '2026-11-23',
    verification: { code: '0000-0000-0000-0001', url: 'https://platform.example.invalid/status/notices/DEMO-S?code=0000-0000-0000-0001' },
    sample: true,
  };
}

export function demoRejectionNotice(): RejectionNotice {
  return {
    noticeNo: '示通不受字〔2026〕第0012号',
    caseNumber: 'TB-20261123-000124',
    service: { code: '440600-SB-0031', name: '职工基本养老保险待遇申领' },
    applicant: APPLICANT,
    receivedOn: '2026-11-23',
    reasons: ['申请人尚未达到法定退休年龄，不符合申领条件。'],
    legalBasis: '《中华人民共和国行政许可法》第三十二条第一款第（二）项',
    redirectTo: '参保地社会保险经办机构（达到法定退休年龄后）',
    remedy: { reviewBody: '示范市示范区人民政府', court: '示范市示范区人民法院' },
    centre: CENTRE,
    issuedOn: '2026-11-23',
    verification: { code: '0000-0000-0000-0002', url: 'https://platform.example.invalid/status/notices/DEMO-R?code=0000-0000-0000-0002' },
    sample: true,
  };
}

export function demoDocument(kind: DocumentKind): PrintableDocument {
  switch (kind) {
    case 'contribution-certificate':
      return { kind, data: demoCertificate() };
    case 'case-receipt':
      return { kind, data: demoReceipt() };
    case 'supplement-notice':
      return { kind, data: demoSupplementNotice() };
    case 'rejection-notice':
      return { kind, data: demoRejectionNotice() };
  }
}
