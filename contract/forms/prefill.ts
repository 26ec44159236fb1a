import type { FormField, PrefillSource } from '../platform/catalogue';

/**
 * What a form may take from an ID card: the card's own fields by the names `PrefillSource`
 * uses. An `Identity` is one; the page passes its masked view (the ID number masked), so the
 * citizen sees what will be filled without the page ever holding the full number.
 */
export type PrefillIdentity = { readonly [K in PrefillSource]?: string | null };

/**
 * The card's value for one prefilled field, or undefined where the card has none (a permit
 * without an address). `who` is the applicant's card; a field the agent's card fills
 * (`fromAgentCard`, 代办) reads `agent`, and has nothing before that card is read.
 */
export function prefillValue(field: Pick<FormField, 'prefill' | 'fromAgentCard'>, who: PrefillIdentity, agent?: PrefillIdentity | null): string | undefined {
  if (field.fromAgentCard) return agent ? (agent[field.fromAgentCard] ?? undefined) : undefined;
  return field.prefill ? (who[field.prefill] ?? undefined) : undefined;
}

/**
 * The one prefill rule, for a kiosk case and a counter's walk-in with a card alike: every field
 * the service's form prefills takes the value of the card it names, over whatever was typed.
 */
export function prefilledValues(fields: readonly Pick<FormField, 'name' | 'prefill' | 'fromAgentCard'>[], who: PrefillIdentity, agent?: PrefillIdentity | null): Record<string, string> {
  const values: Record<string, string> = {};
  for (const field of fields) {
    const value = prefillValue(field, who, agent);
    if (value !== undefined) values[field.name] = value;
  }
  return values;
}
