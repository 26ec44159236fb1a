/**
 * A print that did not come out, kept so that staff can print it again once the printer is
 * fixed. It holds the rendered bytes (a certificate carries the citizen's name), so it lives
 * in memory, or in the terminal's encrypted store once wired; never in a plain file.
 */
export interface FailedJob {
  id: string;
  /** The record of the attempt that failed. */
  recordId: string;
  what: string;
  caseId?: string;
  printer: 'a4' | 'receipt';
  failedAt: string;
  conditions: string[];
  bytes: Buffer;
  attempts: number;
}

export interface FailedJobStore {
  put(job: FailedJob): Promise<void>;
  get(id: string): Promise<FailedJob | undefined>;
  list(): Promise<FailedJob[]>;
  remove(id: string): Promise<void>;
}

export class MemoryFailedJobStore implements FailedJobStore {
  private readonly jobs = new Map<string, FailedJob>();

  async put(job: FailedJob): Promise<void> {
    this.jobs.set(job.id, job);
  }

  async get(id: string): Promise<FailedJob | undefined> {
    return this.jobs.get(id);
  }

  async list(): Promise<FailedJob[]> {
    return [...this.jobs.values()];
  }

  async remove(id: string): Promise<void> {
    this.jobs.delete(id);
  }
}
