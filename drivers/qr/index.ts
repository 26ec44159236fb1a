export * from './scan';
export { ScanLineParser } from './scan-lines';
export { SerialScanner, type SerialScannerOptions, type ScannerEvents, type ScannerState } from './serial-scanner';
export * from './hid-pos';
export { HidPosScanner, type HidPosScannerOptions } from './hid-pos-scanner';
export { startQrSimulator, type RunningQrSimulator } from './simulator';
