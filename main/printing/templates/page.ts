import { html, trustedMarkup, type Html } from './html';

/**
 * The Simplified Chinese faces of fonts-noto-cjk, by family name: Chromium and Electron find
 * them through fontconfig and embed the glyphs a document uses into the PDF, so the printer
 * and anyone opening the file later need no Chinese fonts of their own. Chromium's PDF writer
 * (Skia) embeds CFF-outline OpenType fonts, which all Noto CJK faces are, as Type 3 fonts:
 * embedded, text extractable (ToUnicode), drawn as vector outlines.
 */
export const FONT_SANS = `'Noto Sans CJK SC', sans-serif`;
export const FONT_SERIF = `'Noto Serif CJK SC', 'Noto Sans CJK SC', serif`;

const BASE_CSS = `
  @page { size: A4; }
  * { box-sizing: border-box; }
  html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  body { margin: 0; font-family: ${FONT_SANS}; font-size: 10.5pt; line-height: 1.5; color: #000; }
  h1 { font-family: ${FONT_SERIF}; font-size: 20pt; font-weight: 700; text-align: center; letter-spacing: 0.1em; margin: 0 0 4mm; }
  .doc-no { text-align: right; font-size: 10pt; margin-bottom: 3mm; }
  table { border-collapse: collapse; width: 100%; }
  th, td { border: 0.3mm solid #000; padding: 1mm 1.5mm; vertical-align: middle; }
  th { font-weight: 700; background: #eee; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; }
  .num { text-align: right; font-variant-numeric: tabular-nums; }
  .label { width: 28mm; background: #f4f4f4; font-weight: 700; }
  .section { margin-top: 5mm; }
  .section h2 { font-size: 12pt; margin: 0 0 2mm; }
  .body-text { text-indent: 2em; margin: 0 0 2mm; font-size: 12pt; line-height: 1.8; }
  .signature { margin-top: 10mm; text-align: right; font-size: 12pt; line-height: 2; }
  .verify { display: flex; gap: 4mm; align-items: center; margin-top: 6mm; border-top: 0.3mm dashed #000; padding-top: 3mm; font-size: 9.5pt; }
  .verify .code { font-family: ${FONT_SANS}; font-size: 12pt; font-weight: 700; letter-spacing: 0.05em; }
  .sample { position: fixed; top: 40%; left: 0; right: 0; text-align: center; font-size: 60pt; color: rgba(200, 0, 0, 0.18); transform: rotate(-30deg); pointer-events: none; }
  ol, ul { margin: 0; padding-left: 6mm; }
`;

export function page(title: string, body: Html, options: { extraCss?: string; sample?: boolean } = {}): string {
  return html`<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>${title}</title>
<style>${trustedMarkup(BASE_CSS + (options.extraCss ?? ''))}</style>
</head>
<body>
${options.sample ? html`<div class="sample" aria-hidden="true">样例 SAMPLE</div>` : ''}
${body}
</body>
</html>`.markup;
}
