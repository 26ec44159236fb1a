import { describe, expect, it } from 'vitest';
import { StillnessMeter, toGrey } from '../../../renderer/src/capture/stillness';

function page(shift: number): Uint8Array {
  // Dark "text" stripes on a light paper; shift moves them as a hand would.
  return Uint8Array.from({ length: 64 * 36 }, (_, i) => ((i + shift) % 16 < 3 ? 40 : 220));
}

describe('automatic capture waits for a still paper', () => {
  it('fires after enough still frames, not while the paper moves', () => {
    const meter = new StillnessMeter({ samples: 3 });
    expect([0, 5, 11, 2].map((s) => meter.push(page(s)))).toEqual([false, false, false, false]);
    expect([2, 2, 2].map((s) => meter.push(page(s)))).toEqual([false, false, true]);
  });
  it('an empty desk is still but holds nothing to photograph', () => {
    const meter = new StillnessMeter({ samples: 2 });
    const desk = new Uint8Array(64 * 36).fill(90);
    expect([desk, desk, desk, desk].map((f) => meter.push(f))).toEqual([false, false, false, false]);
  });
  it('luma from RGBA', () => {
    expect([...toGrey(Uint8ClampedArray.from([255, 255, 255, 255, 0, 0, 0, 255]))]).toEqual([255, 0]);
  });
});
