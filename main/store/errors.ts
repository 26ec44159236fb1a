/**
 * Why the local store cannot be used. The message names the file and what to do, for the
 * technician; the terminal refuses to start rather than run without a working store.
 */
export class StoreError extends Error {
  constructor(
    message: string,
    /** The file concerned: the database or the key file. */
    readonly file: string,
  ) {
    super(message);
    this.name = 'StoreError';
  }
}

/** The key does not open what the store holds: another key, or damaged bytes. */
export class StoreKeyError extends StoreError {
  override name = 'StoreKeyError';
}

/** A case the kiosk was asked to record is not a case: `field` names the offending part. */
export class CaseInputError extends Error {
  override name = 'CaseInputError';
  constructor(
    message: string,
    readonly field: string,
  ) {
    super(`${field}: ${message}`);
  }
}
