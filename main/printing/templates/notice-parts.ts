import type { RejectionNotice, SupplementNotice } from '../documents';
import { chineseDate } from './format';
import { html, type Html } from './html';
import { qrSvg } from './qr';

type NoticeCommon = Pick<RejectionNotice & SupplementNotice, 'noticeNo' | 'caseNumber' | 'service' | 'applicant' | 'receivedOn' | 'centre' | 'issuedOn' | 'verification'>;

/**
 * The opening every 一窗通办 notice shares (number, title, addressee with the masked ID number,
 * and which application it answers), followed by what this notice found.
 */
export function noticeOpening(n: NoticeCommon, title: string, finding: string): Html {
  return html`<div class="doc-no">${n.noticeNo}</div>
<h1>${title}</h1>
<p class="body-text" style="text-indent:0">${n.applicant.name}（公民身份号码：${n.applicant.idNumberMasked}）：</p>
<p class="body-text">你（单位）于${chineseDate(n.receivedOn)}提出的“${n.service.name}”申请（办件编号：${n.caseNumber}），经审查，${finding}</p>`;
}

/** The centre's seal line: its name, the day of issue and, where it has one, its phone. */
export function noticeSignature(n: NoticeCommon): Html {
  return html`<div class="signature">${n.centre.name}（盖章）<br>${chineseDate(n.issuedOn)}${n.centre.phone ? html`<br>联系电话：${n.centre.phone}` : ''}</div>`;
}

/**
 * The QR code and the code beside it: the platform's public status page, which shows the notice
 * as verified (已核验) with the case's progress, for whoever holds the paper; then the receipt line.
 */
export async function noticeVerification(n: NoticeCommon): Promise<Html> {
  return html`<div class="verify">
  ${await qrSvg(n.verification.url, 22)}
  <div>扫描二维码或访问下方地址，可核验本告知书真伪并查询办件进度。<br>核验码：<span class="status-code">${n.verification.code}</span><br>核验地址：${n.verification.url}</div>
</div>
<p class="section">申请人签收：＿＿＿＿＿＿＿＿&emsp;&emsp;签收日期：＿＿＿＿年＿＿月＿＿日</p>`;
}
