import { caseNumberOf } from '../../contract/platform/case-number';
import type { CaseDetail } from '../../contract/platform/cases';
import type { ServiceItem } from '../../contract/platform/catalogue';
import type { CaseEvent } from '../../contract/platform/events';
import type { DeskNotice } from '../../contract/platform/public-status';
import { shanghaiIsoDate } from '../../contract/dates/shanghai-day';
import type { PrintableDocument } from '../printing/documents';

/** What the site says on every notice that the platform does not know: where to appeal, how long 补正 may take. */
export interface NoticeSettings {
  reviewBody: string;
  court: string;
  supplementWorkingDays: number;
  centrePhone?: string;
}

/** Without a legal basis in the catalogue, the general rule every 不予受理 of an application rests on. */
const GENERAL_BASIS = '《中华人民共和国行政许可法》第三十二条';
/** A 补正 line with no requirement of its own (the clerk wrote only the paper's name). */
const DEFAULT_REQUIREMENT = '未提交或不符合要求，请补正';

const NUMBER_WORDS = { 'rejection-notice': '不受字', 'supplement-notice': '补字' } as const;

/** 通办补字〔2026〕第123号: the year of issue and the decision's event number, unique on the platform. */
function noticeNumber(notice: DeskNotice): string {
  const seq = notice.documentId.replace(/^notice-/, '');
  return `通办${NUMBER_WORDS[notice.kind]}〔${shanghaiIsoDate(Date.parse(notice.issuedAt)).slice(0, 4)}〕第${seq}号`;
}

/** One line the clerk wrote, 名称：要求 (or a name alone), as a row of the one-time list. */
function missingRow(line: string): { name: string; requirement: string } {
  const split = /^(.+?)[：:](.+)$/.exec(line.trim());
  return split ? { name: split[1]!.trim(), requirement: split[2]!.trim() } : { name: line.trim(), requirement: DEFAULT_REQUIREMENT };
}

function missingOf(event: CaseEvent): string[] {
  const listed = event.details.missingMaterials;
  return Array.isArray(listed) ? listed.filter((m): m is string => typeof m === 'string' && m.trim().length > 0) : [];
}

/**
 * The notice to print, from what the platform recorded and signed: the decision event the
 * notice's id names (its reasons or its list of missing papers), the case as the desk sees it
 * (the holder masked: name and first 6 + last 4), and the signed code and page address.
 */
export function noticeDocument(input: { notice: DeskNotice; event: CaseEvent; detail: CaseDetail; item: ServiceItem | undefined; settings: NoticeSettings }): PrintableDocument {
  const { notice, event, detail, item, settings } = input;
  const common = {
    noticeNo: noticeNumber(notice),
    caseNumber: caseNumberOf(detail.caseId),
    service: { code: detail.serviceCode, name: item?.name['zh-CN'] ?? detail.serviceCode },
    applicant: { name: detail.applicantMasked.name, idNumberMasked: detail.applicantMasked.idNumber },
    receivedOn: shanghaiIsoDate(Date.parse(detail.receivedAt)),
    centre: { name: notice.issuer, ...(settings.centrePhone ? { phone: settings.centrePhone } : {}) },
    issuedOn: shanghaiIsoDate(Date.parse(notice.issuedAt)),
    verification: { code: notice.verificationCode, url: notice.pageUrl },
    sample: false,
  };
  if (notice.kind === 'supplement-notice') {
    return { kind: 'supplement-notice', data: { ...common, missing: missingOf(event).map(missingRow), deadlineWorkingDays: settings.supplementWorkingDays } };
  }
  const basis = item?.legalBasis.map((b) => b['zh-CN']).join('、');
  return {
    kind: 'rejection-notice',
    data: {
      ...common,
      reasons: [event.reason ?? '不符合受理条件'],
      legalBasis: basis || GENERAL_BASIS,
      remedy: { reviewBody: settings.reviewBody, court: settings.court },
    },
  };
}
