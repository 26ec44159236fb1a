import { z } from 'zod';
import { CaseStatus } from './cases';
import type { Catalogue, FormField, Material, ServiceItem } from './catalogue';

/**
 * 一件事 bundles. A bundle's form is the union of its items' forms, each shared answer asked once
 * (fields of the same name are the same question), plus the bundle's own fields; its materials
 * are the union of the items' materials. Accepted at the window, it becomes one case per item,
 * each sent to its own department; the results are collected together or each when ready.
 */

/** The bundle's own field that says how the results are collected. */
export const COLLECT_MODE_FIELD = 'collectMode';
export const CollectMode = z.enum(['together', 'each']);
export type CollectMode = z.infer<typeof CollectMode>;

export class BundleDefinitionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BundleDefinitionError';
  }
}

function sameQuestion(a: FormField, b: FormField): boolean {
  return a.type === b.type && a.prefill === b.prefill && a.fromAgentCard === b.fromAgentCard;
}

/** The bundle's form and materials as a citizen fills them; a conflict between two items is named. */
export function bundleUnion(bundle: ServiceItem, items: ServiceItem[]): Pick<ServiceItem, 'form' | 'materials'> {
  const fields: FormField[] = [];
  const byName = new Map<string, { field: FormField; from: string }>();
  for (const [from, source] of [[bundle.code, bundle] as const, ...items.map((i) => [i.code, i] as const)]) {
    for (const field of source.form.fields) {
      const seen = byName.get(field.name);
      if (!seen) {
        byName.set(field.name, { field, from });
        fields.push(field);
      } else if (!sameQuestion(seen.field, field)) {
        throw new BundleDefinitionError(
          `bundle ${bundle.code}: field "${field.name}" is a ${field.type} in ${from} but a ${seen.field.type} in ${seen.from}; shared answers must be the same question`,
        );
      }
    }
  }
  const materials: Material[] = [];
  for (const source of [bundle, ...items]) {
    for (const material of source.materials) if (!materials.some((m) => m.code === material.code)) materials.push(material);
  }
  return { form: { fields }, materials };
}

/** The catalogue with every bundle's form and materials expanded to the union of its items'. */
export function expandBundles(catalogue: Catalogue): Catalogue {
  const items = catalogue.items.map((item) => {
    if (item.kind !== 'bundle') return item;
    const parts = (item.bundleOf ?? []).map((code) => {
      const part = catalogue.items.find((i) => i.code === code);
      if (!part) throw new BundleDefinitionError(`bundle ${item.code}: item ${code} is not in the catalogue`);
      if (part.kind === 'bundle') throw new BundleDefinitionError(`bundle ${item.code}: item ${code} is itself a bundle`);
      return part;
    });
    if (parts.length < 2) throw new BundleDefinitionError(`bundle ${item.code}: needs at least two items in bundleOf`);
    return { ...item, ...bundleUnion(item, parts) };
  });
  return { ...catalogue, items };
}

/** `GET /v1/bundles/{caseId}`: a bundle (the case submitted) and each of its item cases. */
export const BundleView = z.object({
  bundleId: z.string(),
  serviceCode: z.string(),
  status: CaseStatus,
  queueNumber: z.string(),
  collectMode: CollectMode,
  items: z.array(
    z.object({
      serviceCode: z.string(),
      caseId: z.string().nullable(),
      status: CaseStatus.nullable(),
      department: z.string().nullable(),
      deadlineAt: z.string().nullable(),
    }),
  ),
});
export type BundleView = z.infer<typeof BundleView>;
