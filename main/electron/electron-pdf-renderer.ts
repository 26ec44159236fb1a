import { BrowserWindow } from 'electron';
import { A4_DOCUMENT, RenderError, electronPrintToPdfOptions, type PdfPageOptions, type PdfRenderer } from '../printing/render/pdf-renderer';
import { errorMessage } from '../../common/errors';

/**
 * Documents rendered by Electron's own engine (`webContents.printToPDF`), so a packaged kiosk
 * needs no separate Chromium. Each document gets a hidden, sandboxed window with scripts off:
 * the templates are plain HTML and CSS with inline SVG.
 */
export class ElectronPdfRenderer implements PdfRenderer {
  readonly engine = 'electron';

  async render(html: string, options: PdfPageOptions = A4_DOCUMENT): Promise<Buffer> {
    const window = new BrowserWindow({
      show: false,
      webPreferences: {
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        javascript: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        experimentalFeatures: false,
        webviewTag: false,
        navigateOnDragDrop: false,
        disableBlinkFeatures: 'Auxclick',
      },
    });
    try {
      await window.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`);
      return await window.webContents.printToPDF(electronPrintToPdfOptions(options));
    } catch (error) {
      throw new RenderError(this.engine, errorMessage(error), { cause: error });
    } finally {
      window.destroy();
    }
  }

  async close(): Promise<void> {
    // Nothing stays open between documents.
  }
}
