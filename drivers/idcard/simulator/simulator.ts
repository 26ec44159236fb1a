import { EventEmitter } from 'node:events';
import { BAUD_RATES, DEFAULT_BAUD_RATE } from '../../../contract/terminal/baud-rates';
import { encodeAnswer } from '../frame';
import { FrameParser } from '../frame-parser';
import { encodeReadData } from '../read-answer';
import { encodeTextBlock } from '../text-block';
import { SIM_CARDS, type SimCard } from './cards';

/**
 * Faults a technician or a test can switch on:
 * - `noise`: garbage (with preamble fragments) before every answer, until cleared;
 * - `bad-checksum`: the next read answer (the long one, where line errors land) carries a wrong checksum;
 * - `slow`: every answer comes `slowMs` late, until cleared;
 * - `sam-error`: the SAM fails its self-test (SW3 60) until cleared;
 * - `pull`: the next read stops part-way and the card leaves the reader.
 */
export type SimFault = 'noise' | 'bad-checksum' | 'slow' | 'sam-error' | 'pull';
export const SIM_FAULTS: readonly SimFault[] = ['noise', 'bad-checksum', 'slow', 'sam-error', 'pull'];

export interface IdCardSimulatorOptions {
  cards?: readonly SimCard[];
  /** Answers are paced to this rate, as a real line would deliver them. */
  baudRate?: number;
  pace?: boolean;
  slowMs?: number;
  /** Seed of the noise generator, so a run can be repeated. */
  seed?: number;
}

export interface SimulatorEvents {
  /** A command from the host, for the technician's console. */
  command: [string];
  card: [SimCard | null];
}

const SAM_ID = Uint8Array.of(0x05, 0x00, 0x01, 0x00, 0x0a, 0x00, 0x00, 0x00, 0x39, 0x30, 0x00, 0x00, 0xb1, 0x68, 0xde, 0x3a);

/**
 * The reader side of the SAM protocol: answers the host's commands for whatever card is placed.
 * It talks through `output` (set by whoever connects it: a pty, a stream, a test) and `input()`.
 */
export class IdCardSimulator extends EventEmitter<SimulatorEvents> {
  private readonly cards: readonly SimCard[];
  private readonly parser = new FrameParser({ minBody: 2 });
  private readonly faults = new Set<SimFault>();
  private placed: SimCard | null = null;
  private readDone = false;
  private baudRate: number;
  private readonly pace: boolean;
  slowMs: number;
  private seed: number;
  private outQueue: Promise<void> = Promise.resolve();
  private output: ((bytes: Uint8Array) => void) | undefined;
  private timers = new Set<NodeJS.Timeout>();

  constructor(options: IdCardSimulatorOptions = {}) {
    super();
    this.cards = options.cards ?? SIM_CARDS;
    this.baudRate = options.baudRate ?? DEFAULT_BAUD_RATE;
    this.pace = options.pace ?? true;
    this.slowMs = options.slowMs ?? 400;
    this.seed = options.seed ?? 1;
  }

  get card(): SimCard | null {
    return this.placed;
  }

  get activeFaults(): SimFault[] {
    return [...this.faults];
  }

  listCards(): readonly SimCard[] {
    return this.cards;
  }

  connect(output: (bytes: Uint8Array) => void): void {
    this.output = output;
    this.parser.reset();
  }

  disconnect(): void {
    this.output = undefined;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    // Answers still waiting belonged to the old link; their chain is dropped with their timers.
    this.outQueue = Promise.resolve();
  }

  place(id: string): SimCard {
    const card = this.cards.find((c) => c.id === id);
    if (!card) throw new Error(`no simulator card "${id}"; cards: ${this.cards.map((c) => c.id).join(', ')}`);
    this.placed = card;
    this.readDone = false;
    this.emit('card', card);
    return card;
  }

  remove(): void {
    this.placed = null;
    this.readDone = false;
    this.emit('card', null);
  }

  fault(mode: SimFault | 'none'): void {
    if (mode === 'none') this.faults.clear();
    else this.faults.add(mode);
  }

  input(chunk: Uint8Array): void {
    for (const event of this.parser.push(chunk)) {
      if (event.type === 'discarded') {
        if (event.reason === 'bad-checksum') this.answer(encodeAnswer(0x10));
        continue;
      }
      const [cmd, para] = [event.body[0] as number, event.body[1] as number];
      this.emit('command', `${hex2(cmd)} ${hex2(para)}`);
      this.answer(this.handle(cmd, para, event.body.subarray(2)));
    }
  }

  private handle(cmd: number, para: number, data: Uint8Array): Uint8Array {
    const samFault = this.faults.has('sam-error');
    const key = (cmd << 8) | para;
    if (samFault && cmd !== 0x60 && cmd !== 0x61) return encodeAnswer(0x60);
    switch (key) {
      case 0x10ff:
      case 0x11ff:
        return encodeAnswer(0x90);
      case 0x12ff:
        return encodeAnswer(0x90, SAM_ID);
      case 0x2001:
        return this.placed && !this.readDone ? encodeAnswer(0x9f, new Uint8Array(4)) : encodeAnswer(0x80, new Uint8Array(4));
      case 0x2002:
        return this.placed ? encodeAnswer(0x90, new Uint8Array(8)) : encodeAnswer(0x81, new Uint8Array(8));
      case 0x3001:
      case 0x3010:
        return this.read(para === 0x10);
      case 0x3003: {
        if (!this.placed) return encodeAnswer(0x41);
        const addresses = this.placed.appendedAddresses ?? [];
        if (addresses.length === 0) return encodeAnswer(0x91);
        return encodeAnswer(0x90, encodeAddresses(addresses));
      }
    }
    if (cmd === 0x60) {
      const rate = BAUD_RATES[para];
      if (rate === undefined) return encodeAnswer(0x21);
      this.baudRate = rate;
      return encodeAnswer(0x90);
    }
    if (cmd === 0x61 && para === 0xff && data.length === 1) return encodeAnswer(0x90);
    return encodeAnswer(0x21);
  }

  private read(withFingerprint: boolean): Uint8Array {
    const card = this.placed;
    if (!card) return encodeAnswer(0x41);
    const text = encodeTextBlock(card.face);
    const data = withFingerprint ? encodeReadData(text, card.photo, card.fingerprint ?? new Uint8Array(0)) : encodeReadData(text, card.photo);
    let frame = encodeAnswer(0x90, data);
    if (this.faults.delete('bad-checksum')) {
      frame = frame.slice();
      frame[frame.length - 1] = (frame[frame.length - 1] as number) ^ 0x5a;
    }
    if (this.faults.delete('pull')) {
      // The citizen pulls the card while the answer is on the wire: part of it, then nothing.
      this.remove();
      return frame.subarray(0, Math.floor(frame.length * 0.4));
    }
    this.readDone = true;
    return frame;
  }

  private answer(frame: Uint8Array): void {
    let bytes = frame;
    if (this.faults.has('noise')) bytes = concat(this.noise(), bytes);
    const delay = this.faults.has('slow') ? this.slowMs : 0;
    this.outQueue = this.outQueue.then(async () => {
      if (delay > 0) await this.wait(delay);
      await this.send(bytes);
    });
  }

  private async send(bytes: Uint8Array): Promise<void> {
    if (!this.pace) {
      this.output?.(bytes);
      return;
    }
    // 8N1: ten bits a byte; send in 5 ms slices, as many bytes as the line would carry.
    const perSlice = Math.max(1, Math.floor(this.baudRate / 10 / 200));
    const started = performance.now();
    for (let at = 0; at < bytes.length; at += perSlice) {
      this.output?.(bytes.subarray(at, at + perSlice));
      const due = started + ((at + perSlice) * 10 * 1000) / this.baudRate;
      const wait = due - performance.now();
      if (wait > 1) await this.wait(wait);
    }
  }

  private wait(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const t = setTimeout(() => {
        this.timers.delete(t);
        resolve();
      }, ms);
      this.timers.add(t);
    });
  }

  private noise(): Uint8Array {
    const n = 3 + (this.random() % 18);
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i += 1) out[i] = this.random() & 0xff;
    // A false start: most of a preamble, then garbage.
    out.set([0xaa, 0xaa, 0xaa, 0x96].slice(0, Math.min(4, n)), 0);
    return out;
  }

  private random(): number {
    this.seed ^= this.seed << 13;
    this.seed ^= this.seed >>> 17;
    this.seed ^= this.seed << 5;
    this.seed >>>= 0;
    return this.seed;
  }
}

function encodeAddresses(addresses: string[]): Uint8Array {
  const out = new Uint8Array(70 * addresses.length).fill(0);
  addresses.slice(0, 4).forEach((address, n) => {
    for (let i = 0; i < 35; i += 1) {
      const c = i < address.length ? address.charCodeAt(i) : 0x20;
      out[n * 70 + 2 * i] = c & 0xff;
      out[n * 70 + 2 * i + 1] = c >> 8;
    }
  });
  return out;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

function hex2(n: number): string {
  return n.toString(16).padStart(2, '0').toUpperCase();
}
