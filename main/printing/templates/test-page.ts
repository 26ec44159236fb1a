import { html } from './html';
import { page } from './page';

/** The technician's A4 test page: which printer, when, and whether Chinese, tables and fine lines print. */
export function testPageHtml(printer: string, at: string): string {
  const body = html`
<h1>通办 A4 打印机测试页</h1>
<table>
  <tr><td class="label">打印机</td><td>${printer}</td></tr>
  <tr><td class="label">打印时间</td><td>${at}</td></tr>
</table>
<div class="section">
<h2>中文字体</h2>
<p class="body-text">黑体：社会保险个人参保缴费证明、受理回执、补正材料告知书、不予受理告知书。</p>
<p class="body-text" style="font-family: 'Noto Serif CJK SC', serif">宋体：一窗受理，集成服务，一次性告知，限时办结。</p>
<p>ASCII 0123456789 ABCDEFGHIJKLMNOPQRSTUVWXYZ abcdefghijklmnopqrstuvwxyz</p>
</div>
<div class="section">
<h2>线条与灰度</h2>
<table><tr>${[0, 20, 40, 60, 80, 100].map((v) => html`<td style="background: hsl(0 0% ${100 - v}%); height: 10mm; color: ${v > 50 ? '#fff' : '#000'}">${v}%</td>`)}</tr></table>
</div>
<p class="section">若本页文字清晰、表格线完整、灰度分明，则打印机工作正常。</p>`;
  return page('通办 A4 打印机测试页', body);
}
