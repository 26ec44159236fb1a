export * from './document-printer';
export { IppDocumentPrinter, type IppPrinterOptions } from './ipp-printer';
export { BLOCKING_CONDITIONS, conditionOf, parseReason, type PrinterCondition, type PrinterReason, type ReasonSeverity } from './state-reasons';
