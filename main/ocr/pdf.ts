import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { ImageFormatError } from './prepare';

const run = promisify(execFile);

export function isPdf(bytes: Buffer): boolean {
  return bytes.subarray(0, 5).toString('latin1') === '%PDF-';
}

/**
 * The first `pages` pages of a PDF as PNG at `dpi`, rendered by poppler's pdftoppm (the
 * poppler-utils package). A PDF is a scan wrapped by a scanner or a phone app: its pages are images to read.
 */
export async function pdfPages(pdf: Buffer, options: { pages?: number; dpi?: number } = {}): Promise<Buffer[]> {
  const pages = Math.max(1, options.pages ?? 1);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'tongban-pdf-'));
  try {
    const input = path.join(dir, 'in.pdf');
    await writeFile(input, pdf, { mode: 0o600 });
    try {
      await run('pdftoppm', ['-r', String(options.dpi ?? 300), '-f', '1', '-l', String(pages), '-png', input, path.join(dir, 'page')], { timeout: 60_000 });
    } catch (error) {
      const failure = error as NodeJS.ErrnoException & { stderr?: string };
      if (failure.code === 'ENOENT') throw new ImageFormatError('cannot read PDF: pdftoppm is not installed (Debian package poppler-utils)');
      throw new ImageFormatError(`unreadable PDF: ${(failure.stderr ?? failure.message).trim().split('\n')[0]}`);
    }
    const files = (await readdir(dir)).filter((f) => f.startsWith('page') && f.endsWith('.png')).sort();
    if (files.length === 0) throw new ImageFormatError('the PDF has no pages');
    return await Promise.all(files.map((f) => readFile(path.join(dir, f))));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
