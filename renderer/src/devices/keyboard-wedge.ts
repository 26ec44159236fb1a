/**
 * Keyboard-wedge scanners type their code as keystrokes and press Enter. A scanner types far
 * faster and more evenly than a person: every gap under ~35 ms, where a quick typist's gaps are
 * 80-200 ms. A burst ending in Enter whose every gap is under the threshold and which is long
 * enough is a scan; anything else is a person typing, and is left alone.
 *
 * Pure logic: the caller feeds it `KeyboardEvent.key` and `event.timeStamp`.
 */
export interface WedgeOptions {
  /** Largest gap between two keys of one scan. */
  maxGapMs?: number;
  /** Fewest characters a scan has; shorter bursts are shortcuts or key repeats. */
  minLength?: number;
}

export type WedgeOutcome = { kind: 'scan'; payload: string } | { kind: 'typing' } | { kind: 'pending' };

export class KeyboardWedgeDetector {
  private buffer = '';
  private last: number | undefined;
  private readonly maxGapMs: number;
  private readonly minLength: number;

  constructor(options: WedgeOptions = {}) {
    this.maxGapMs = options.maxGapMs ?? 35;
    this.minLength = options.minLength ?? 4;
  }

  /**
   * One key press. `pending`: it may belong to a scan; `scan`: Enter ended a scan (the caller
   * should swallow this Enter); `typing`: a person is typing.
   */
  key(key: string, timeMs: number): WedgeOutcome {
    const gap = this.last === undefined ? 0 : timeMs - this.last;
    // Modifiers (Shift for capitals) arrive inside scans too; they carry no character.
    if (key.length !== 1 && key !== 'Enter') return this.buffer ? { kind: 'pending' } : { kind: 'typing' };
    this.last = timeMs;
    if (gap > this.maxGapMs) this.buffer = '';
    if (key === 'Enter') {
      const payload = this.buffer;
      this.buffer = '';
      this.last = undefined;
      return payload.length >= this.minLength && gap <= this.maxGapMs ? { kind: 'scan', payload } : { kind: 'typing' };
    }
    this.buffer += key;
    return { kind: 'pending' };
  }

  reset(): void {
    this.buffer = '';
    this.last = undefined;
  }
}
