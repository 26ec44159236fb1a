import { describe, expect, it } from 'vitest';
import { fuseByBestScore } from '../../../main/handwriting/fuse-candidates';
import { gb2312Hanzi } from '../../../main/handwriting/gb2312';

describe('fuseByBestScore', () => {
  it('keeps each character once, at its best score from any list, best first', () => {
    const chinese = [
      { text: '仕', score: 0.1 },
      { text: '生', score: -0.3 },
      { text: '丛', score: -0.4 },
    ];
    const kanji = [
      { text: '生', score: 0.25 },
      { text: '牛', score: -0.2 },
    ];
    expect(fuseByBestScore([chinese, kanji], 3)).toEqual([
      { text: '生', score: 0.25 },
      { text: '仕', score: 0.1 },
      { text: '牛', score: -0.2 },
    ]);
  });

  it('is one list unchanged when there is only one, cut to the limit', () => {
    const only = [
      { text: '王', score: 0.3 },
      { text: '互', score: -0.2 },
    ];
    expect(fuseByBestScore([only], 1)).toEqual([{ text: '王', score: 0.3 }]);
    expect(fuseByBestScore([[], []], 5)).toEqual([]);
  });
});

describe('gb2312Hanzi', () => {
  it('is the 6,763 hanzi of GB 2312, levels 1 and 2, without kana or traditional-only forms', () => {
    const hanzi = gb2312Hanzi();
    expect(hanzi.size).toBe(6763);
    // The first and last of level 1 (啊 … 座) and of level 2 (亍 … 齄).
    for (const c of '啊座亍齄王陆张') expect(hanzi.has(c)).toBe(true);
    for (const c of 'あア陸張喆々') expect(hanzi.has(c)).toBe(false);
  });
});
