export { CaptureService, CaptureError, type CaptureServiceDeps, type PageReader } from './capture-service';
export { captureHandlers } from './handlers';
