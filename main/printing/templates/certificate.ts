import { INSURANCE_TYPES, type ContributionCertificate } from '../documents';
import { chineseDate, yuan } from './format';
import { html } from './html';
import { page } from './page';
import { qrSvg } from './qr';

type Certificate = ContributionCertificate & { sample: boolean };

const CSS = `
  .months th, .months td { font-size: 8.5pt; padding: 0.6mm 1mm; }
  .months td.employer { max-width: 40mm; }
  .totals td { font-weight: 700; background: #f4f4f4; }
  .note { font-size: 9pt; margin-top: 3mm; }
`;

export async function renderCertificate(c: Certificate): Promise<string> {
  const totals = c.months.reduce(
    (t, m) => ({
      pension: t.pension + m.pension.employer + m.pension.personal,
      medical: t.medical + m.medical.employer + m.medical.personal,
      unemployment: t.unemployment + m.unemployment.employer + m.unemployment.personal,
      injury: t.injury + m.injury,
      personal: t.personal + m.pension.personal + m.medical.personal + m.unemployment.personal,
    }),
    { pension: 0, medical: 0, unemployment: 0, injury: 0, personal: 0 },
  );
  const paidMonths = c.months.filter((m) => m.paid).length;
  const body = html`
<div class="doc-no">证明编号：${c.certificateNo}</div>
<h1>社会保险个人参保缴费证明</h1>
<table>
  <tr><td class="label">姓名</td><td>${c.person.name}</td><td class="label">公民身份号码</td><td>${c.person.idNumberMasked}</td></tr>
  <tr><td class="label">首次参保年月</td><td>${chineseDate(c.person.insuredSince)}</td><td class="label">证明期间</td><td>${chineseDate(c.period.from)}至${chineseDate(c.period.to)}</td></tr>
</table>
<div class="section">
<h2>参保险种</h2>
<table>
  <thead><tr><th>险种</th><th>参保状态</th><th>本次参保起始年月</th></tr></thead>
  <tbody>${c.insurances.map((i) => html`<tr><td>${INSURANCE_TYPES[i.type]}</td><td>${i.status}</td><td>${chineseDate(i.since)}</td></tr>`)}</tbody>
</table>
</div>
<div class="section">
<h2>缴费明细（单位：元）</h2>
<table class="months">
  <thead>
    <tr><th rowspan="2">费款所属期</th><th rowspan="2">缴费单位</th><th rowspan="2">缴费基数</th><th colspan="2">养老保险</th><th colspan="2">医疗保险</th><th colspan="2">失业保险</th><th rowspan="2">工伤保险<br>单位</th><th rowspan="2">缴费状态</th></tr>
    <tr><th>单位</th><th>个人</th><th>单位</th><th>个人</th><th>单位</th><th>个人</th></tr>
  </thead>
  <tbody>
${c.months.map(
  (m) => html`<tr><td>${m.month}</td><td class="employer">${m.employer}</td><td class="num">${yuan(m.base)}</td><td class="num">${yuan(m.pension.employer)}</td><td class="num">${yuan(m.pension.personal)}</td><td class="num">${yuan(m.medical.employer)}</td><td class="num">${yuan(m.medical.personal)}</td><td class="num">${yuan(m.unemployment.employer)}</td><td class="num">${yuan(m.unemployment.personal)}</td><td class="num">${yuan(m.injury)}</td><td>${m.paid ? '已缴' : '未缴'}</td></tr>
`,
)}
    <tr class="totals"><td colspan="3">合计（已缴 ${paidMonths} 个月，共 ${c.months.length} 个月）</td><td class="num" colspan="2">${yuan(totals.pension)}</td><td class="num" colspan="2">${yuan(totals.medical)}</td><td class="num" colspan="2">${yuan(totals.unemployment)}</td><td class="num">${yuan(totals.injury)}</td><td></td></tr>
  </tbody>
</table>
<p class="note">个人缴费合计：${yuan(totals.personal)} 元。本证明所列信息以出具之日社会保险信息系统记录为准，仅证明上述期间的参保缴费情况。</p>
</div>
<div class="signature">出具机构：${c.issuer.name}<br>出具日期：${chineseDate(c.issuedOn)}</div>
<div class="verify">
  ${await qrSvg(c.verification.url, 26)}
  <div>验证码：<span class="code">${c.verification.code}</span><br>扫描二维码或登录核验页面输入证明编号及验证码，可核验本证明的真伪和内容是否被改动。<br>核验地址：${c.verification.url}</div>
</div>`;
  return page('社会保险个人参保缴费证明', body, { extraCss: CSS, sample: c.sample });
}
