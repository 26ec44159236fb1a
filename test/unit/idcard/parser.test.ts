import { describe, expect, it } from 'vitest';
import { FrameParser, encodeAnswer, encodeCommand, type ParseEvent } from '../../../drivers/idcard';
import { readFixture } from './fixtures';

const frames = (events: ParseEvent[]): Uint8Array[] => events.flatMap((e) => (e.type === 'frame' ? [e.frame] : []));
const reasons = (events: ParseEvent[]): string[] => events.flatMap((e) => (e.type === 'discarded' ? [e.reason] : []));
const cat = (...parts: Uint8Array[]): Uint8Array => Uint8Array.from(parts.flatMap((p) => Array.from(p)));

describe('streaming frame parser', () => {
  const answer = encodeAnswer(0x9f, new Uint8Array(4));
  const read = readFixture('resident');

  it('finds a frame delivered one byte at a time, including a preamble inside the photo', () => {
    const parser = new FrameParser();
    const got: Uint8Array[] = [];
    for (const b of read) got.push(...frames(parser.push(Uint8Array.of(b))));
    expect(got).toHaveLength(1);
    expect(got[0]).toEqual(read);
    expect(parser.pending).toBe(0);
  });

  // Each fault before a good answer: the fault is reported by its reason and the answer still comes through.
  const badChecksum = answer.slice();
  badChecksum[badChecksum.length - 1] = (badChecksum[badChecksum.length - 1] as number) ^ 0xff;
  it.each([
    ['skips noise, including a false start of the preamble', Uint8Array.of(0x13, 0xaa, 0xaa, 0xaa, 0x96, 0x00, 0x55), 'noise'],
    ['drops a frame with a wrong checksum and keeps the next good one', badChecksum, 'bad-checksum'],
    ['abandons a partial frame when a complete frame starts inside it', read.subarray(0, 300), 'superseded'],
    ['rejects impossible lengths without waiting for them', Uint8Array.of(0xaa, 0xaa, 0xaa, 0x96, 0x69, 0xff, 0xff), 'bad-length'],
  ])('%s', (_title, before, reason) => {
    const events = new FrameParser().push(cat(before, answer));
    expect(frames(events)).toEqual([answer]);
    expect(reasons(events)).toContain(reason);
  });

  it('holds no more than one frame of bytes, however much noise comes', () => {
    const parser = new FrameParser();
    for (let i = 0; i < 200; i += 1) parser.push(new Uint8Array(1000).fill(0xaa));
    expect(parser.pending).toBeLessThan(5);
    parser.push(Uint8Array.of(0x96, 0x69, 0x10, 0x00));
    parser.push(new Uint8Array(3000).fill(1));
    expect(parser.pending).toBeLessThanOrEqual(4096);
  });

  it('parses host commands with a 2-byte minimum body', () => {
    const parser = new FrameParser({ minBody: 2 });
    const cmd = encodeCommand(0x20, 0x01);
    expect(frames(parser.push(cmd))).toEqual([cmd]);
  });
});
