import type { RejectionNotice } from '../documents';
import { html } from './html';
import { noticeOpening, noticeSignature } from './notice-parts';
import { page } from './page';
import { qrSvg } from './qr';

type Notice = RejectionNotice & { sample: boolean };

/** Reasons, legal basis, where to go instead, and the applicant's remedies, as the standard templates require. */
export async function renderRejectionNotice(n: Notice): Promise<string> {
  const body = html`
${noticeOpening(n, '不予受理告知书', '存在下列情形：')}
<ol class="body-text" style="text-indent:0; padding-left:10mm">${n.reasons.map((r) => html`<li>${r}</li>`)}</ol>
<p class="body-text">根据${n.legalBasis}的规定，决定不予受理。${n.redirectTo ? html`建议你（单位）向${n.redirectTo}提出申请。` : ''}</p>
<p class="body-text">如对本决定不服，可以自收到本告知书之日起六十日内向${n.remedy.reviewBody}申请行政复议，或者自收到本告知书之日起六个月内向${n.remedy.court}提起行政诉讼。</p>
${noticeSignature(n)}
<div class="verify">
  ${await qrSvg(n.verification.url, 22)}
  <div>本告知书可核验真伪：扫描二维码，或访问核验地址输入核验码。<br>核验码：<span class="status-code">${n.verification.code}</span><br>核验地址：${n.verification.url}</div>
</div>
<p class="section">申请人签收：＿＿＿＿＿＿＿＿&emsp;&emsp;签收日期：＿＿＿＿年＿＿月＿＿日</p>`;
  return page('不予受理告知书', body, { sample: n.sample });
}
