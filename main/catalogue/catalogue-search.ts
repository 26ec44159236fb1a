import type { pinyin as Pinyin } from 'pinyin-pro';
import type { Catalogue } from '../../contract/platform/catalogue';

interface Entry {
  code: string;
  popularity: number;
  /** Lower-case texts a query may be found in: names, summaries, their pinyin and pinyin initials. */
  haystacks: string[];
}

function pinyinForms(pinyin: typeof Pinyin, text: string): string[] {
  const full = pinyin(text, { toneType: 'none', type: 'array' }).join('');
  const initials = pinyin(text, { pattern: 'first', toneType: 'none', type: 'array' }).join('');
  return [full.toLowerCase(), initials.toLowerCase()];
}

/**
 * Finds services the way people at a kiosk look for them: by a word of the name (社保), by
 * pinyin (shebao) or by pinyin initials (sbjf finds 社会保险个人参保缴费证明), most used first.
 * pinyin-pro and its dictionary (some 16 MB in memory) load with the first search, not with the
 * terminal: a kiosk that is never searched never holds them.
 */
export class CatalogueSearch {
  #version: string | undefined;
  #entries: Entry[] = [];

  async search(catalogue: Catalogue, query: string): Promise<string[]> {
    if (catalogue.version !== this.#version) await this.#index(catalogue);
    const needle = query.trim().toLowerCase().replace(/\s+/g, '');
    if (!needle) return [];
    return this.#entries
      .filter((entry) => entry.haystacks.some((text) => text.includes(needle)))
      .sort((a, b) => b.popularity - a.popularity)
      .map((entry) => entry.code);
  }

  async #index(catalogue: Catalogue): Promise<void> {
    const { pinyin } = await import('pinyin-pro');
    this.#version = catalogue.version;
    this.#entries = catalogue.items.map((item) => {
      const texts = [item.name['zh-CN'], item.summary['zh-CN']];
      return {
        code: item.code,
        popularity: item.popularity,
        haystacks: [
          ...texts.map((t) => t.toLowerCase()),
          ...pinyinForms(pinyin, item.name['zh-CN']),
          ...[item.name.en, item.summary.en].filter((t): t is string => Boolean(t)).map((t) => t.toLowerCase().replace(/\s+/g, '')),
        ],
      };
    });
  }
}
