export { OcrEngine, OcrSetupError, DEFAULT_LANG_PATH, DEFAULT_LANGS, defaultWorkerCount } from './engine';
export type { OcrEngineOptions, OcrResult, OcrLine, OcrWord } from './engine';
export { prepareImage, sniffFormat, ImageFormatError, SUPPORTED_FORMATS, type ImageFormat } from './prepare';
export { extractFields } from './fields/extract';
export { documentTypes } from './fields/document-types';
export { DOCUMENT_TYPES, type DocumentTypeId, type FieldProposal } from './fields/types';
export { OcrService, type OcrServiceOptions, type ReadResult } from './ocr-service';
