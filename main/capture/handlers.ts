import type { Handlers } from '../api/dispatcher';
import { ApiFailure, provided } from '../api/dispatcher';
import { CaptureError, type CaptureService } from './capture-service';

type CaptureMethod = Extract<keyof Handlers, `capture.${string}`>;
export type CaptureHandlers = Pick<Handlers, CaptureMethod>;

const API_CODES = { 'no-session': 'not-allowed', 'no-such-page': 'bad-request', 'no-reader': 'unavailable' } as const;

async function translated<T>(run: () => T | Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof CaptureError) throw new ApiFailure(API_CODES[error.reason], error.message);
    throw error;
  }
}

/** The `capture.*` methods; a terminal that records no cases (a counter) has nothing to capture for. */
export function captureHandlers(service: CaptureService | undefined): CaptureHandlers {
  const capture = provided(service, 'unavailable', 'this terminal captures no papers');
  return {
    'capture.pages': () => capture().view(),
    'capture.scan': ({ materialCode, replacePageId }) => translated(() => capture().scan(materialCode, replacePageId)),
    'capture.photo': ({ materialCode, image, replacePageId }) => translated(() => capture().photo(materialCode, image, replacePageId)),
    'capture.deletePage': ({ pageId }) => translated(() => capture().deletePage(pageId)),
    'capture.read': ({ pageId, documentType }) => translated(() => capture().read(pageId, documentType)),
  };
}
