/**
 * Turns a document's HTML into PDF bytes. Two engines implement it: Chromium through
 * playwright-core in the Chromium host (chromium-renderer.ts), and Electron's
 * `webContents.printToPDF` in the Electron main process (main/electron/, which alone may import
 * electron). The options are the subset both calls take in the same sense: Electron's
 * `{ pageSize: 'A4', margins: { top, bottom, left, right } (inches), printBackground }`, and
 * Playwright's `{ format: 'A4', margin: { top: '15mm', … }, printBackground }`.
 */
export interface PdfPageOptions {
  pageSize: 'A4';
  /** Millimetres; an engine converts to its own unit (Electron: inches = mm / 25.4). */
  marginsMm: { top: number; right: number; bottom: number; left: number };
  printBackground: boolean;
  /**
   * Printed at the foot of every page with 第N页 共M页: whose document it is (name and masked ID
   * number), so a page that comes loose still says whose it is and where it belongs.
   */
  footer?: string;
}

/** Chromium's page-number placeholders (both engines fill the same classes). */
export function pageFooterTemplate(footer: string): string {
  const text = footer.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<div style="width:100%;font-size:8pt;font-family:'Noto Sans CJK SC',sans-serif;color:#333;padding:0 15mm;display:flex;justify-content:space-between"><span>${text}</span><span>第<span class="pageNumber"></span>页 共<span class="totalPages"></span>页</span></div>`;
}

export const A4_DOCUMENT: PdfPageOptions = {
  pageSize: 'A4',
  marginsMm: { top: 15, right: 15, bottom: 15, left: 15 },
  printBackground: true,
};

export interface PdfRenderer {
  readonly engine: string;
  render(html: string, options?: PdfPageOptions): Promise<Buffer>;
  /** Releases the warm browser; a later render starts it again. */
  close(): Promise<void>;
}

export class RenderError extends Error {
  constructor(
    readonly engine: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`${engine}: ${message}`, options);
    this.name = 'RenderError';
  }
}

/**
 * The options of Electron's `webContents.printToPDF` for a page: the Electron renderer in
 * main/electron/ passes this straight through, so both engines lay a document out alike.
 */
export function electronPrintToPdfOptions(options: PdfPageOptions = A4_DOCUMENT): {
  pageSize: 'A4';
  printBackground: boolean;
  margins: { top: number; right: number; bottom: number; left: number };
  displayHeaderFooter?: boolean;
  headerTemplate?: string;
  footerTemplate?: string;
} {
  const inches = (mm: number) => Math.round((mm / 25.4) * 10000) / 10000;
  const m = options.marginsMm;
  return {
    pageSize: options.pageSize,
    printBackground: options.printBackground,
    margins: { top: inches(m.top), right: inches(m.right), bottom: inches(m.bottom), left: inches(m.left) },
    ...(options.footer ? { displayHeaderFooter: true, headerTemplate: '<span></span>', footerTemplate: pageFooterTemplate(options.footer) } : {}),
  };
}
