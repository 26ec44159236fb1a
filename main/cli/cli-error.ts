/**
 * Errors that a command expects (a bad file, a bad frame, a port that will not open) are
 * printed as one clear line for the technician and exit with 1; anything else is a bug and
 * keeps its stack.
 */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

export function reportCliError(error: unknown): number {
  if (error instanceof CliError) {
    process.stderr.write(`tongban: ${error.message}\n`);
    return error.exitCode;
  }
  process.stderr.write(`tongban: unexpected error\n${error instanceof Error ? error.stack : String(error)}\n`);
  return 70;
}
