export { INITIALISE, cut, gb18030Line, qrCode, statusRequest, type QrOptions } from './commands';
export { EscPosDecoder, type DecodedEvent } from './decoder';
export { ReceiptPrinterError, type ReceiptErrorCode, type ReceiptPrinter } from './receipt-printer';
export { SerialReceiptPrinter, type SerialReceiptPrinterOptions } from './serial-receipt-printer';
export { EscPosSimulator, type PrintedTicket, type SimulatedPaperState } from './simulator';
export { encodeStatus, isStatusByte, parseStatus, receiptConditions, receiptReady, type ReceiptCondition, type ReceiptPrinterStatus } from './status';
export { encodeTicket, escapeReceiptline, type TicketLayout, type TicketPart } from './ticket';
export { openPtyPair, type PtyPair } from './pty-pair';
