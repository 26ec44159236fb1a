import { expandBundles } from '../../contract/platform/bundles';
import { Catalogue } from '../../contract/platform/catalogue';
import raw from './demo-catalogue.json' with { type: 'json' };

/**
 * Demo content for training and the demo site: services a community centre (社区党群服务中心 /
 * 社区事务受理中心) commonly handles, with plausible forms and materials. It is not any real
 * district's catalogue; the departments are generic and no legal article numbers are given.
 *
 * The content is data (demo-catalogue.json), checked here by the catalogue's own schema at load,
 * so a mistyped entry stops the platform naming where it is. What the data cannot say in comments:
 * - the agent's fields (`fromAgentCard`) are read from the agent's own card at the kiosk
 *   (读取代办人身份证) and typed only where no card is read;
 * - the 居住证 application's photographed paper carries the material code OCR reads into the form;
 * - the 20-working-day services warn in their last 3 working days (`timeliness.warningWorkingDays`;
 *   the default is 1);
 * - a bundle writes only what belongs to itself: its items' materials and fields are added by
 *   union when the catalogue is installed (contract/platform/bundles.ts).
 */
export function checkedCatalogue(data: unknown, source: string): Catalogue {
  const checked = Catalogue.safeParse(data);
  if (!checked.success) {
    const issue = checked.error.issues[0]!;
    throw new Error(`${source}: ${issue.path.join('.') || '(top)'}: ${issue.message}`);
  }
  return checked.data;
}

/** Bundles come expanded to the union of their items (as the platform serves them), so offline copies match. */
export const demoCatalogue: Catalogue = expandBundles(checkedCatalogue(raw, 'demo-catalogue.json'));
