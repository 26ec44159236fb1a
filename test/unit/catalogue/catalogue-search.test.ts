import { describe, expect, it } from 'vitest';
import { demoCatalogue } from '../../../platform/catalogue/demo-catalogue';
import { CatalogueSearch } from '../../../main/catalogue/catalogue-search';

describe('catalogue search', () => {
  const search = new CatalogueSearch();

  it('finds a service by its pinyin initials', async () => {
    expect((await search.search(demoCatalogue, 'sbjf'))[0]).toBe('si-contribution-certificate');
  });

  it('finds by a Chinese word, by full pinyin and by English', async () => {
    expect(await search.search(demoCatalogue, '高龄')).toEqual(['elderly-longevity-allowance']);
    expect(await search.search(demoCatalogue, 'gaoling')).toEqual(['elderly-longevity-allowance']);
    expect(await search.search(demoCatalogue, 'residence permit')).toContain('residence-permit-endorsement');
  });

  it('finds nothing for nonsense or an empty query', async () => {
    expect(await search.search(demoCatalogue, 'zzzzq')).toEqual([]);
    expect(await search.search(demoCatalogue, '  ')).toEqual([]);
  });
});
