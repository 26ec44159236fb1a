import { chromium, type Browser } from 'playwright-core';
import { A4_DOCUMENT, RenderError, type PdfPageOptions, type PdfRenderer } from './pdf-renderer';

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

/**
 * Keeps one headless Chromium warm between jobs: starting it costs far more than rendering a
 * page, and a citizen waits for every print. Each job gets a fresh context, so no state of
 * one document (fonts aside, which are system fonts) can leak into the next.
 */
export class ChromiumPdfRenderer implements PdfRenderer {
  readonly engine = 'chromium';
  private browser: Promise<Browser> | undefined;

  constructor(private readonly options: ChromiumRendererOptions = {}) {}

  private warm(): Promise<Browser> {
    if (!this.browser) {
      const executablePath = this.options.executablePath ?? '/usr/bin/chromium';
      const starting = chromium.launch({ executablePath, args: CHROMIUM_FLAGS, headless: true }).catch((error: unknown) => {
        this.browser = undefined;
        throw new RenderError(this.engine, `cannot start ${executablePath}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`, { cause: error });
      });
      this.browser = starting;
      void starting.then((browser) => browser.on('disconnected', () => {
        if (this.browser === starting) this.browser = undefined;
      }), () => undefined);
    }
    return this.browser;
  }

  /** Starts the browser ahead of the first job (at boot), so the first citizen does not wait for it. */
  async start(): Promise<void> {
    await this.warm();
  }

  async render(html: string, options: PdfPageOptions = A4_DOCUMENT): Promise<Buffer> {
    const browser = await this.warm();
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
    try {
      const page = await context.newPage();
      await page.setContent(html, { waitUntil: 'load' });
      const m = options.marginsMm;
      return await page.pdf({
        format: options.pageSize,
        printBackground: options.printBackground,
        margin: { top: `${m.top}mm`, right: `${m.right}mm`, bottom: `${m.bottom}mm`, left: `${m.left}mm` },
        preferCSSPageSize: false,
      });
    } catch (error) {
      if (error instanceof RenderError) throw error;
      throw new RenderError(this.engine, `rendering failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`, { cause: error });
    } finally {
      await context.close().catch(() => undefined);
    }
  }

  async close(): Promise<void> {
    const browser = this.browser;
    this.browser = undefined;
    if (browser) await (await browser.catch(() => undefined))?.close();
  }
}
