import type { Logger } from '../logging/logger';

/** The part of the terminal's logger the sync services use (case ids and codes, never personal values). */
export type SyncLog = Pick<Logger, 'debug' | 'info' | 'warn' | 'error'>;
