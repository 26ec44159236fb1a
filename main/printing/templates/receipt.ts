import type { CaseReceipt } from '../documents';
import { html } from './html';
import { page } from './page';
import { qrSvg } from './qr';

type Receipt = CaseReceipt & { sample: boolean };

/** The wording follows what has happened: a kiosk's case is only submitted until the window reviews it. */
const STAGE = {
  submitted: { title: '申请回执', numberLabel: '申请编号', sentence: '申请已提交，待窗口审核', timeLabel: '提交时间', materials: '申请材料' },
  accepted: { title: '受理回执', numberLabel: '受理编号', sentence: '所需材料已收取，现予受理', timeLabel: '受理时间', materials: '已收取材料' },
} as const;

export async function renderReceipt(r: Receipt): Promise<string> {
  const words = STAGE[r.stage ?? 'accepted'];
  const body = html`
<div class="doc-no">${words.numberLabel}：${r.caseNumber}</div>
<h1>${words.title}</h1>
<p class="body-text">${r.applicant.name}：</p>
<p class="body-text">你（单位）申请办理的“${r.service.name}”事项，${words.sentence}。具体信息如下：</p>
<table>
  <tr><td class="label">办件编号</td><td>${r.caseNumber}</td><td class="label">排队号</td><td>${r.queueNumber ?? '—'}</td></tr>
  <tr><td class="label">申请人</td><td>${r.applicant.name}</td><td class="label">公民身份号码</td><td>${r.applicant.idNumberMasked}</td></tr>
  <tr><td class="label">办理事项</td><td colspan="3">${r.service.name}（事项编码：${r.service.code}）</td></tr>
  <tr><td class="label">${words.timeLabel}</td><td>${r.receivedAt}</td><td class="label">承诺办结时限</td><td>${r.promisedWorkingDays > 0 ? `${r.promisedWorkingDays}个工作日` : '即办'}</td></tr>
</table>
${
  r.bundleItems?.length
    ? html`<div class="section">
<h2>一并办理事项（一件事）</h2>
<table>
  <thead><tr><th>序号</th><th>事项</th><th>承诺办结时限</th></tr></thead>
  <tbody>${r.bundleItems.map((b, i) => html`<tr><td class="num">${i + 1}</td><td>${b.name}</td><td>${b.promisedWorkingDays > 0 ? `${b.promisedWorkingDays}个工作日` : '即办'}</td></tr>`)}</tbody>
</table>
</div>`
    : ''
}
<div class="section">
<h2>${words.materials}</h2>
<table>
  <thead><tr><th>序号</th><th>材料名称</th><th>材料形式</th><th>份数</th></tr></thead>
  <tbody>${r.materials.map((m, i) => html`<tr><td class="num">${i + 1}</td><td>${m.name}</td><td>${m.form}</td><td class="num">${m.copies}</td></tr>`)}</tbody>
</table>
</div>
<div class="section">
<h2>后续办理</h2>
<ol>${r.nextSteps.map((s) => html`<li>${s}</li>`)}</ol>
</div>
<div class="signature">受理单位：${r.centre.name}${r.centre.phone ? html`<br>咨询电话：${r.centre.phone}` : ''}${r.terminalId ? html`<br>自助终端：${r.terminalId}` : ''}</div>
<div class="verify">
  ${await qrSvg(r.statusUrl, 26)}
  <div>扫描二维码可随时查询办理进度。<br>查询地址：${r.statusUrl}${r.statusCode ? html`<br>查询码：<span class="status-code">${r.statusCode}</span>` : ''}<br>请妥善保管本回执，领取结果时请出示。</div>
</div>`;
  return page(words.title, body, { sample: r.sample });
}
