import type { CatalogueSource } from './catalogue/catalogue-service';

/**
 * The one place the terminal reaches into platform/: the demo site embeds the reference
 * platform instead of talking to a remote one.
 */
export function embeddedCatalogueSource(): CatalogueSource {
  return async () => (await import('../platform/catalogue/demo-catalogue')).demoCatalogue;
}
