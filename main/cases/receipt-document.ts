import type { ServiceItem } from '../../contract/platform/catalogue';
import { maskIdNumber } from '../../contract/identity';
import { shanghaiDateTime } from '../../contract/dates/shanghai-day';
import type { CaseReceipt } from '../printing/documents';
import type { CaseStore } from '../store/case-store';
import { caseNumberOf } from '../../contract/platform/case-number';
import { groupedStatusCode, statusPageUrl } from './status-code';

const NEXT_STEPS: Record<ServiceItem['counterVisit'], string[]> = {
  none: ['无需到窗口，办理结果将以短信通知。', '可凭本回执二维码随时查询办理进度。'],
  required: ['请留意叫号，听到排队号后携带材料到综合窗口核验。', '办结后凭本回执到综合窗口领取结果。'],
  maybe: ['工作人员审核材料后，如需补正将以短信一次性告知。', '可凭本回执二维码随时查询办理进度。'],
};

/**
 * The receipt of a case submitted at the kiosk: submitted, waiting for the window's review —
 * nothing has been received or accepted yet, and the paper says so. Its numbers, the service,
 * the materials (those held as electronic licences marked 电子件), what happens next, the masked
 * applicant, and the public status page's https address with the case's random code.
 */
export function receiptDocument(
  store: CaseStore,
  item: ServiceItem,
  caseId: string,
  where: { centreName: string; terminalId: string; publicUrl: string },
  /** The catalogue's items, for the services a 一件事 brings together. */
  catalogueItems: readonly ServiceItem[] = [],
): CaseReceipt {
  const local = store.get(caseId);
  const request = store.readRequest(caseId);
  if (!local || !request) throw new Error(`case ${caseId} is not in this terminal's store`);
  if (!request.statusCode) throw new Error(`case ${caseId} has no status code`);
  const materials = item.materials
    .filter((m) => m.required || request.materials.some((r) => r.code === m.code))
    .map((m) => ({ name: m.name['zh-CN'], form: m.electronicLicence ? ('电子件' as const) : ('原件' as const), copies: 1 }));
  return {
    caseNumber: caseNumberOf(caseId),
    ...(local.queueNumber ? { queueNumber: local.queueNumber } : {}),
    service: { code: item.code, name: item.name['zh-CN'] },
    applicant: { name: request.applicant.name, idNumberMasked: maskIdNumber(request.applicant.idNumber) },
    receivedAt: shanghaiDateTime(local.submittedAt),
    materials: materials.length > 0 ? materials : [{ name: '无需提交材料', form: '电子件', copies: 1 }],
    promisedWorkingDays: item.timeLimitDays,
    nextSteps: NEXT_STEPS[item.counterVisit],
    stage: 'submitted',
    statusUrl: statusPageUrl(where.publicUrl, request.statusCode),
    statusCode: groupedStatusCode(request.statusCode),
    centre: { name: where.centreName },
    terminalId: where.terminalId,
    ...(item.kind === 'bundle'
      ? {
          bundleItems: (item.bundleOf ?? []).map((code) => {
            const part = catalogueItems.find((i) => i.code === code);
            return { name: part?.name['zh-CN'] ?? code, promisedWorkingDays: part?.timeLimitDays ?? item.timeLimitDays };
          }),
        }
      : {}),
  };
}
