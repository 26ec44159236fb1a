export { DEFAULT_LANG_PATH, DEFAULT_LANGS, OCR_ENGINES, OcrSetupError, defaultWorkerCount, startEngine } from './engine';
export type { OcrEngine, OcrEngineName, OcrEngineOptions, OcrResult, OcrLine, OcrWord, OcrBox, EngineReading } from './engine';
export { prepareImage, sniffFormat, ImageFormatError, SUPPORTED_FORMATS, TARGET_DPI, type ImageFormat, type PreparedImage } from './prepare';
export { isPdf, pdfPages } from './pdf';
export { extractFields } from './fields/extract';
export { documentTypes } from './fields/document-types';
export { DOCUMENT_TYPES, type DocumentTypeId, type FieldProposal } from './fields/types';
export { OcrService, BLANK_PAGE_MESSAGE, type OcrServiceOptions, type ReadResult } from './ocr-service';
