import type { RejectionNotice } from '../documents';
import { html } from './html';
import { noticeOpening, noticeSignature, noticeVerification } from './notice-parts';
import { page } from './page';

type Notice = RejectionNotice & { sample: boolean };

/** Reasons, legal basis, where to go instead, and the applicant's remedies, as the standard templates require. */
export async function renderRejectionNotice(n: Notice): Promise<string> {
  const body = html`
${noticeOpening(n, '不予受理告知书', '存在下列情形：')}
<ol class="body-text" style="text-indent:0; padding-left:10mm">${n.reasons.map((r) => html`<li>${r}</li>`)}</ol>
<p class="body-text">根据${n.legalBasis}的规定，决定不予受理。${n.redirectTo ? html`建议你（单位）向${n.redirectTo}提出申请。` : ''}</p>
<p class="body-text">如对本决定不服，可以自收到本告知书之日起六十日内向${n.remedy.reviewBody}申请行政复议，或者自收到本告知书之日起六个月内向${n.remedy.court}提起行政诉讼。</p>
${noticeSignature(n)}
${await noticeVerification(n)}`;
  return page('不予受理告知书', body, { sample: n.sample });
}
