import type { SupplementNotice } from '../documents';
import { html } from './html';
import { noticeOpening, noticeSignature, noticeVerification } from './notice-parts';
import { page } from './page';

type Notice = SupplementNotice & { sample: boolean };

/**
 * Shaped after the 一窗通办 notice templates (e.g. Guangdong DB4406/T 14-2021): everything
 * missing is listed at once (一次性告知), with the time allowed and what happens otherwise.
 */
export async function renderSupplementNotice(n: Notice): Promise<string> {
  const body = html`
${noticeOpening(n, '补正材料告知书', '申请材料不齐全或者不符合法定形式。根据《中华人民共和国行政许可法》第三十二条第一款第（四）项的规定，现一次性告知你（单位）需要补正的全部材料如下：')}
<table>
  <thead><tr><th style="width:12mm">序号</th><th style="width:55mm">需补正的材料</th><th>补正要求</th></tr></thead>
  <tbody>${n.missing.map((m, i) => html`<tr><td class="num">${i + 1}</td><td>${m.name}</td><td>${m.requirement}</td></tr>`)}</tbody>
</table>
<p class="body-text section">请于收到本告知书之日起${n.deadlineWorkingDays}个工作日内补正上述全部材料。补正材料齐全、符合法定形式的，自收到全部补正材料之日起受理；逾期不补正的，视为撤回申请。</p>
<p class="body-text">本告知书已列明需补正的全部内容，我中心不再要求你（单位）补正本告知书以外的材料。</p>
${noticeSignature(n)}
${await noticeVerification(n)}`;
  return page('补正材料告知书', body, { sample: n.sample });
}
