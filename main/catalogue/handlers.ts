import type { Handlers } from '../api/dispatcher';
import type { CatalogueSearch } from './catalogue-search';
import type { CatalogueService } from './catalogue-service';

type CatalogueMethod = Extract<keyof Handlers, `catalogue.${string}`>;

/** The `catalogue.*` methods: the services this terminal offers, and the citizen's search in them. */
export function catalogueHandlers(catalogue: CatalogueService, search: CatalogueSearch): Pick<Handlers, CatalogueMethod> {
  return {
    'catalogue.get': () => catalogue.get(),
    'catalogue.search': async ({ query }) => ({ codes: await search.search(await catalogue.get(), query) }),
  };
}
