import { describe, expect, it } from 'vitest';
import { A4_DOCUMENT, DocumentDataError, demoCertificate, demoReceipt, documentHtml, electronPrintToPdfOptions } from '../../../main/printing';
import { escapeHtml, html } from '../../../main/printing/templates/html';
import { chineseDate, yuan } from '../../../main/printing/templates/format';

describe('the template engine', () => {
  it('escapes interpolated text so data can never become markup', () => {
    const name = '<img src=x onerror=alert(1)>&"\'';
    expect(html`<td>${name}</td>`.markup).toBe('<td>&lt;img src=x onerror=alert(1)&gt;&amp;&quot;&#39;</td>');
    expect(html`<ul>${['a<b', html`<li>ok</li>`]}</ul>`.markup).toBe('<ul>a&lt;b<li>ok</li></ul>');
    expect(escapeHtml('社保')).toBe('社保');
  });

  it('a citizen name with markup prints as text in the receipt', async () => {
    const data = { ...demoReceipt(), applicant: { name: '王<b>五</b>', idNumberMasked: '440602********1234' } };
    const out = await documentHtml({ kind: 'case-receipt', data });
    expect(out).toContain('王&lt;b&gt;五&lt;/b&gt;');
    expect(out).not.toContain('<b>五');
  });

  it('formats fen as yuan and ISO dates as Chinese dates', () => {
    expect(yuan(0)).toBe('0.00');
    expect(yuan(123456789)).toBe('1,234,567.89');
    expect(chineseDate('2026-01-05')).toBe('2026年1月5日');
    expect(chineseDate('2026-11')).toBe('2026年11月');
  });
});

describe('document data', () => {
  it('refuses an unmasked ID number, naming the field', async () => {
    const data = { ...demoCertificate(12), person: { ...demoCertificate(12).person, idNumberMasked: '44060219900101123X' } };
    await expect(documentHtml({ kind: 'contribution-certificate', data })).rejects.toThrow(DocumentDataError);
    await expect(documentHtml({ kind: 'contribution-certificate', data })).rejects.toThrow(/person\.idNumberMasked/);
  });

  it('refuses months outside the certificate period or listed twice', async () => {
    const data = demoCertificate(12);
    const outside = { ...data, period: { from: '2026-01', to: data.period.to } };
    await expect(documentHtml({ kind: 'contribution-certificate', data: outside })).rejects.toThrow(/months: a month outside the period/);
    const twice = { ...data, months: [...data.months, data.months[0]!] };
    await expect(documentHtml({ kind: 'contribution-certificate', data: twice })).rejects.toThrow(/a month listed twice/);
  });

  it('puts every month of the period and the totals into the certificate', async () => {
    const data = demoCertificate(24);
    const out = await documentHtml({ kind: 'contribution-certificate', data });
    for (const m of data.months) expect(out).toContain(`<td>${m.month}</td>`);
    const personal = data.months.reduce((s, m) => s + m.pension.personal + m.medical.personal + m.unemployment.personal, 0);
    expect(out).toContain(`个人缴费合计：${yuan(personal)} 元`);
    expect(out).toContain('<svg');
  });
});

describe('the Electron printToPDF options', () => {
  it('are the A4 page with the same margins, in inches', () => {
    expect(electronPrintToPdfOptions(A4_DOCUMENT)).toEqual({ pageSize: 'A4', printBackground: true, margins: { top: 0.5906, right: 0.5906, bottom: 0.5906, left: 0.5906 } });
  });
});
