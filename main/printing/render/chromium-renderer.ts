import type { Browser, BrowserContext } from 'playwright-core';
import { A4_DOCUMENT, RenderError, pageFooterTemplate, type PdfPageOptions, type PdfRenderer } from './pdf-renderer';

/** The flags the project runs Debian Chromium with everywhere (headless, no network chatter). */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export interface ChromiumRendererOptions {
  executablePath?: string;
}

function firstLine(error: unknown): string {
  return error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
}

/**
 * Keeps one headless Chromium warm between jobs: starting it costs far more than rendering a
 * page, and a citizen waits for every print. Each job gets a fresh page in one long-lived
 * context with scripts off and every network request refused: a document is self-contained
 * HTML (inline CSS, SVG QR codes, system fonts), so nothing of one job reaches the next and
 * nothing leaves the machine.
 */
export class ChromiumPdfRenderer implements PdfRenderer {
  readonly engine = 'chromium';
  private browser: Promise<Browser> | undefined;
  private context: Promise<BrowserContext> | undefined;

  constructor(private readonly options: ChromiumRendererOptions = {}) {}

  private documentContext(): Promise<BrowserContext> {
    if (!this.context) {
      const executablePath = this.options.executablePath ?? '/usr/bin/chromium';
      // playwright-core loads with the first document, not with the terminal.
      this.browser = import('playwright-core').then(({ chromium }) => chromium.launch({ executablePath, args: CHROMIUM_FLAGS, headless: true }));
      const starting = this.browser.then(async (browser) => {
        browser.on('disconnected', () => {
          if (this.context === starting) this.forget();
        });
        const context = await browser.newContext({ javaScriptEnabled: false });
        await context.route('**/*', (route) => route.abort('blockedbyclient'));
        return context;
      });
      this.context = starting;
      starting.catch(() => {
        if (this.context === starting) this.forget();
      });
    }
    return this.context.catch((error: unknown) => {
      throw new RenderError(this.engine, `cannot start ${this.options.executablePath ?? '/usr/bin/chromium'}: ${firstLine(error)}`, { cause: error });
    });
  }

  private forget(): void {
    this.browser = undefined;
    this.context = undefined;
  }

  /** Starts the browser ahead of the first job (at boot), so the first citizen does not wait for it. */
  async start(): Promise<void> {
    await this.documentContext();
  }

  async render(html: string, options: PdfPageOptions = A4_DOCUMENT): Promise<Buffer> {
    const context = await this.documentContext();
    const page = await context.newPage();
    try {
      await page.setContent(html, { waitUntil: 'load' });
      const m = options.marginsMm;
      return await page.pdf({
        format: options.pageSize,
        printBackground: options.printBackground,
        margin: { top: `${m.top}mm`, right: `${m.right}mm`, bottom: `${m.bottom}mm`, left: `${m.left}mm` },
        ...(options.footer ? { displayHeaderFooter: true, headerTemplate: '<span></span>', footerTemplate: pageFooterTemplate(options.footer) } : {}),
      });
    } catch (error) {
      throw new RenderError(this.engine, `rendering failed: ${firstLine(error)}`, { cause: error });
    } finally {
      await page.close().catch(() => undefined);
    }
  }

  async close(): Promise<void> {
    const browser = this.browser;
    this.forget();
    if (browser) await (await browser.catch(() => undefined))?.close();
  }
}
