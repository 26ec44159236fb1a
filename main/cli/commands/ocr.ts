import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { topCommand } from '../top-command';
import { maskIdNumber } from '../../../contract/identity';
import {
  DEFAULT_LANG_PATH,
  DEFAULT_LANGS,
  DOCUMENT_TYPES,
  ImageFormatError,
  OcrService,
  OcrSetupError,
  SUPPORTED_FORMATS,
  sniffFormat,
  type DocumentTypeId,
  type OcrResult,
} from '../../ocr';
import { CliError } from '../cli-error';

interface OcrOptions {
  lang?: string;
  fields?: string;
  langPath: string;
}

const ID_NUMBER_IN_TEXT = /(?<![\dA-Za-z])\d{17}[\dXx](?![\dA-Za-z])/g;

/** ID numbers are shown masked wherever a person can see them, and this output is seen. */
function maskText(text: string): string {
  return text.replace(ID_NUMBER_IN_TEXT, (id) => maskIdNumber(id.toUpperCase()));
}

function maskedResult(result: OcrResult) {
  return {
    text: maskText(result.text),
    confidence: result.confidence,
    langs: result.langs,
    image: result.image,
    seconds: result.seconds,
    lines: result.lines.map((line) => ({
      text: maskText(line.text),
      confidence: line.confidence,
      bbox: line.bbox,
      words: line.words.map((word) => ({ text: maskText(word.text), confidence: word.confidence, bbox: word.bbox })),
    })),
  };
}

async function readImage(file: string): Promise<Buffer> {
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
    .argument('<file>', 'image file: PNG, JPEG, TIFF or PNM (PGM/PPM)')
    .option('--lang <langs>', `Tesseract languages joined by + (default ${DEFAULT_LANGS}; with --fields, the document type's own)`)
    .option('--fields <type>', `also propose labelled fields of a known paper: ${DOCUMENT_TYPES.join(', ')}`)
    .option('--lang-path <dir>', 'folder with <lang>.traineddata files', DEFAULT_LANG_PATH)
    .action(async (file: string, options: OcrOptions) => {
      let type: DocumentTypeId | undefined;
      if (options.fields !== undefined) {
        if (!(DOCUMENT_TYPES as readonly string[]).includes(options.fields)) {
          throw new CliError(`--fields ${options.fields}: unknown document type; expected one of ${DOCUMENT_TYPES.join(', ')}`);
        }
        type = options.fields as DocumentTypeId;
      }
      const image = await readImage(file);
      // Refuse a file that is no image before spending seconds starting OCR workers.
      if (!sniffFormat(image)) {
        throw new CliError(`${file}: unsupported image format (first bytes ${image.subarray(0, 4).toString('hex')}); expected ${SUPPORTED_FORMATS.join(', ')}`);
      }
      const service = new OcrService({ langPath: options.langPath, workers: 1 });
      try {
        const result = await service.read(image, { langs: options.lang, documentType: type });
        const output: Record<string, unknown> = { file, ...maskedResult(result) };
        if (result.documentType) {
          output.documentType = result.documentType;
          output.fields = (result.fields ?? []).map((proposal) =>
            proposal.field.endsWith('idNumber') ? { ...proposal, value: maskIdNumber(proposal.value) } : proposal,
          );
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
