import { describe, expect, it } from 'vitest';
import { IdentityJsonSchema, idNumberProblemFor, identityToJson, type Identity } from '../../../contract/identity';
import { FrameParser, answerFromBody, decodeAnswerFrame, decodeTextBlock, encodeAnswer, encodeFrame, photoOf, splitReadData } from '../../../drivers/idcard';
import { SIM_CARDS } from '../../../drivers/idcard/simulator/cards';
import { readFixture } from './fixtures';

/** xorshift32: failures name their seed and iteration, and reproduce. */
function prng(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x;
  };
}

const SEED = Number(process.env.FUZZ_SEED ?? 20261123);
const today = new Date(2026, 10, 23);
const bases = [...SIM_CARDS.map((c) => readFixture(c.id)), readFixture('foreign-2023-fingerprint'), encodeAnswer(0x9f, new Uint8Array(4)), encodeAnswer(0x90)];

/** An identity may only come from a frame whose every check passed. */
function assertSane(identity: Identity): void {
  expect(idNumberProblemFor(identity.kind, identity.idNumber, today)).toBeUndefined();
  expect(IdentityJsonSchema.safeParse(identityToJson(identity)).success).toBe(true);
}

type Mutant = { bytes: Uint8Array; corrupt: boolean };

/**
 * `corrupt`: the frame no longer is what a reader sent and no checksum vouches for it (flipped,
 * dropped, inserted or cut bytes): no identity may come out. Otherwise the frame is well formed
 * (random bodies re-framed with a correct checksum): an identity may come out only if sane.
 */
function mutate(rand: () => number, base: Uint8Array): Mutant {
  const pick = (n: number): number => rand() % n;
  switch (pick(8)) {
    case 0: {
      const b = base.slice();
      const at = pick(b.length);
      b[at] = (b[at] as number) ^ (1 + pick(255));
      return { bytes: b, corrupt: true };
    }
    case 1:
      return { bytes: base.slice(0, pick(base.length)), corrupt: true };
    case 2: {
      const at = pick(base.length);
      return { bytes: Uint8Array.from([...base.subarray(0, at), ...base.subarray(at + 1)]), corrupt: true };
    }
    case 3: {
      const at = pick(base.length + 1);
      return { bytes: Uint8Array.from([...base.subarray(0, at), pick(256), ...base.subarray(at)]), corrupt: true };
    }
    case 4: {
      const n = pick(1400);
      return { bytes: Uint8Array.from({ length: n }, () => pick(256)), corrupt: true };
    }
    case 5: {
      // Text bytes changed and the frame re-checksummed, as a confused reader might send.
      const body = base.slice(7, base.length - 1);
      for (let k = 1 + pick(6); k > 0; k -= 1) {
        const at = pick(body.length);
        body[at] = (body[at] as number) ^ (1 + pick(255));
      }
      return { bytes: encodeFrame(body), corrupt: false };
    }
    case 6:
      return { bytes: encodeFrame(Uint8Array.from({ length: 3 + pick(1400) }, () => pick(256))), corrupt: false };
    default: {
      const b = base.slice();
      const a = pick(b.length);
      const c = pick(b.length);
      const mask = 1 + pick(255);
      b[a] = (b[a] as number) ^ mask;
      b[c] = (b[c] as number) ^ mask;
      // Two equal flips cancel in the XOR: no checksum can see them, only the content checks can.
      return { bytes: b, corrupt: false };
    }
  }
}

describe('fuzzing the decoder and the streaming parser', () => {
  it('never throws, never hangs and never returns an identity from 100,000 corrupted or random frames (strict decoder)', () => {
    const rand = prng(SEED);
    let identities = 0;
    for (let i = 0; i < 100_000; i += 1) {
      const base = bases[rand() % bases.length] as Uint8Array;
      const { bytes, corrupt } = mutate(rand, base);
      let result;
      try {
        result = decodeAnswerFrame(bytes, today);
      } catch (error) {
        throw new Error(`seed ${SEED} iteration ${i}: decoder threw ${String(error)}`);
      }
      if (!result.ok) {
        expect(typeof result.error).toBe('string');
        continue;
      }
      if (corrupt) throw new Error(`seed ${SEED} iteration ${i}: identity from a corrupted frame`);
      assertSane(result.identity);
      identities += 1;
    }
    // Re-framed mutants may decode only when the mutation missed every checked field.
    expect(identities).toBeLessThan(100_000 * 0.2);
  });

  it('recovers every intact frame from a stream of 20,000 frames mixed with corrupt ones and noise, in random chunks', () => {
    const rand = prng(SEED ^ 0x5a5a5a5a);
    const parser = new FrameParser();
    const sent: Uint8Array[] = [];
    const received: Uint8Array[] = [];
    const feed = (bytes: Uint8Array): void => {
      for (let at = 0; at < bytes.length; ) {
        const n = 1 + (rand() % 700);
        let events;
        try {
          events = parser.push(bytes.subarray(at, at + n));
        } catch (error) {
          throw new Error(`seed ${SEED}: parser threw ${String(error)}`);
        }
        for (const e of events) if (e.type === 'frame') received.push(e.frame);
        at += n;
      }
    };
    for (let i = 0; i < 20_000; i += 1) {
      const base = bases[rand() % bases.length] as Uint8Array;
      if (rand() % 3 === 0) {
        const mutant = mutate(rand, base);
        if (mutant.corrupt) feed(mutant.bytes);
      }
      if (rand() % 4 === 0) feed(Uint8Array.from({ length: rand() % 40 }, () => rand() & 0xff));
      sent.push(base);
      feed(base);
      expect(parser.pending).toBeLessThanOrEqual(4096);
    }
    // Every frame that comes out is one that was sent, except the rare corruption an XOR checksum
    // cannot see (a byte equal to CHK inserted: 1 in 256 insertions); from those, an identity may
    // come out only if every field check passes. Almost every intact frame comes out.
    const known = new Set(bases.map((b) => b.join(',')));
    let unknown = 0;
    for (const frame of received) {
      if (known.has(frame.join(','))) continue;
      unknown += 1;
      const answer = answerFromBody(frame.subarray(7, frame.length - 1));
      if (!answer || answer.sw3 !== 0x90) continue;
      for (const withFingerprint of [false, true]) {
        const split = splitReadData(answer.data, withFingerprint);
        if (!split.ok) continue;
        const decoded = decodeTextBlock(split.blocks.text, photoOf(split.blocks.photo), today);
        if (decoded.ok) assertSane(decoded.identity);
      }
    }
    expect(unknown).toBeLessThan(sent.length * 0.005);
    expect(received.length - unknown).toBeGreaterThan(sent.length * 0.97);
  });
});
