import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { topCommand } from '../top-command';
import { maskIdNumber } from '../../../contract/identity';
import {
  DEFAULT_LANGS,
  DOCUMENT_TYPES,
  ImageFormatError,
  isPdf,
  OCR_ENGINES,
  OcrService,
  OcrSetupError,
  pdfPages,
  SUPPORTED_FORMATS,
  sniffFormat,
  type DocumentTypeId,
  type OcrEngineName,
  type ReadResult,
} from '../../ocr';
import { CliError } from '../cli-error';

interface OcrOptions {
  engine: string;
  lang?: string;
  fields?: string;
  modelPath?: string;
  langPath?: string;
  pages: string;
}

const ID_NUMBER_IN_TEXT = /(?<![\dA-Za-z])\d{17}[\dXx](?![\dA-Za-z])/g;

/** ID numbers are shown masked wherever a person can see them, and this output is seen. */
function maskText(text: string): string {
  return text.replace(ID_NUMBER_IN_TEXT, (id) => maskIdNumber(id.toUpperCase()));
}

function maskedResult(result: ReadResult) {
  return {
    text: maskText(result.text),
    confidence: result.confidence,
    blank: result.blank,
    ...(result.message ? { message: result.message } : {}),
    engine: result.engine,
    langs: result.langs,
    image: result.image,
    seconds: result.seconds,
    lines: result.lines.map((line) => ({
      text: maskText(line.text),
      confidence: line.confidence,
      bbox: line.bbox,
      words: line.words.map((word) => ({ text: maskText(word.text), confidence: word.confidence, bbox: word.bbox })),
    })),
    ...(result.documentType
      ? {
          documentType: result.documentType,
          fields: (result.fields ?? []).map((proposal) => (/idNumber|cardNumber$/.test(proposal.field) ? { ...proposal, value: maskIdNumber(proposal.value) } : proposal)),
        }
      : {}),
  };
}

async function readInput(file: string): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : (error as Error).message;
    throw new CliError(`cannot read ${file}: ${why}`);
  }
}

export function register(program: Command): void {
  topCommand(program, 'ocr')
    .argument('<file>', 'image file (PNG, JPEG, TIFF, PNM) or PDF (its first pages, through pdftoppm)')
    .option('--engine <engine>', `OCR engine: ${OCR_ENGINES.join(' or ')}`, 'paddle')
    .option('--lang <langs>', `tesseract languages joined by + (default ${DEFAULT_LANGS}; with --fields, the document type's own)`)
    .option('--fields <type>', `also propose labelled fields of a known paper: ${DOCUMENT_TYPES.join(', ')}`)
    .option('--model-path <dir>', 'PaddleOCR model folder, or tesseract <lang>.traineddata folder (default: the engine’s own)')
    .option('--lang-path <dir>', 'same as --model-path for tesseract')
    .option('--pages <n>', 'PDF: how many of the first pages to read', '1')
    .action(async (file: string, options: OcrOptions) => {
      if (!(OCR_ENGINES as readonly string[]).includes(options.engine)) {
        throw new CliError(`--engine ${options.engine}: unknown engine; expected ${OCR_ENGINES.join(' or ')}`);
      }
      const pageCount = Number(options.pages);
      if (!Number.isInteger(pageCount) || pageCount < 1 || pageCount > 20) throw new CliError(`--pages ${options.pages}: expected a whole number from 1 to 20`);
      let type: DocumentTypeId | undefined;
      if (options.fields !== undefined) {
        if (!(DOCUMENT_TYPES as readonly string[]).includes(options.fields)) {
          throw new CliError(`--fields ${options.fields}: unknown document type; expected one of ${DOCUMENT_TYPES.join(', ')}`);
        }
        type = options.fields as DocumentTypeId;
      }
      const input = await readInput(file);
      // Refuse a file that is no image before spending seconds loading an OCR engine.
      const pdf = isPdf(input);
      if (!pdf && !sniffFormat(input)) {
        throw new CliError(`${file}: unsupported image format (first bytes ${input.subarray(0, 4).toString('hex')}); expected ${SUPPORTED_FORMATS.join(', ')} or pdf`);
      }
      const service = new OcrService({ engine: options.engine as OcrEngineName, modelPath: options.modelPath ?? options.langPath, workers: options.engine === 'paddle' ? 2 : 1 });
      try {
        const images = pdf ? await pdfPages(input, { pages: pageCount, dpi: 300 }) : [input];
        const results: ReadResult[] = [];
        for (const image of images) results.push(await service.read(image, { langs: options.lang, documentType: type }));
        const [first] = results as [ReadResult, ...ReadResult[]];
        const output: Record<string, unknown> = { file, ...maskedResult(first) };
        if (pdf) {
          // The whole document's text and lines; each page's own reading beside them.
          const pages = results.map((r, i) => ({ page: i + 1, ...maskedResult(r) }));
          output.text = pages.map((p) => p.text).filter(Boolean).join('\n');
          output.lines = pages.flatMap((p) => p.lines.map((line) => ({ page: p.page, ...line })));
          const read = results.filter((r) => !r.blank);
          output.confidence = read.length === 0 ? 0 : Math.round((read.reduce((s, r) => s + r.confidence, 0) / read.length) * 10) / 10;
          output.blank = read.length === 0;
          output.pages = pages;
        }
        process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
      } catch (error) {
        if (error instanceof OcrSetupError) throw new CliError(error.message);
        if (error instanceof ImageFormatError) throw new CliError(`${file}: ${error.message}`);
        throw error;
      } finally {
        await service.close();
      }
    });
}
