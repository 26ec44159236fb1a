import type { Recognition } from './zinnia-recogniser';

/**
 * One candidate list from several recognisers' lists: each character keeps its best score from
 * any list, best first. Zinnia's models are all trained by the same tool, so their scores share
 * a scale; measured on held-out stroke data, taking the best score beat rank and score sums
 * (bench/kiosk).
 */
export function fuseByBestScore(lists: readonly (readonly Recognition[])[], limit: number): Recognition[] {
  const best = new Map<string, number>();
  for (const list of lists) {
    for (const { text, score } of list) best.set(text, Math.max(best.get(text) ?? -Infinity, score));
  }
  return [...best]
    .map(([text, score]) => ({ text, score }))
    .sort((a, b) => b.score - a.score)
    .slice(0, limit);
}
