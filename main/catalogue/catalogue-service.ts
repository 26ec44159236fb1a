import { Catalogue } from '../../contract/platform/catalogue';

/** Where the catalogue comes from: the platform, or the embedded demo platform. */
export type CatalogueSource = () => Promise<Catalogue>;

/**
 * The terminal's view of the catalogue: only the services this terminal is configured to
 * offer, most used first, so the menu can render it as it comes.
 */
export class CatalogueService {
  constructor(
    private readonly source: CatalogueSource,
    private readonly enabled: 'all' | string[],
  ) {}

  async get(): Promise<Catalogue> {
    const catalogue = Catalogue.parse(await this.source());
    const allowed = this.enabled === 'all' ? undefined : new Set(this.enabled);
    const items = catalogue.items
      .filter((item) => !allowed || allowed.has(item.code))
      .sort((a, b) => b.popularity - a.popularity);
    const usedCategories = new Set(items.map((item) => item.category));
    return { ...catalogue, items, categories: catalogue.categories.filter((c) => usedCategories.has(c.code)) };
  }
}
