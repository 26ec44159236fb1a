import { COLLECT_MODE_FIELD, type BundleView } from '../../contract/platform/bundles';
import { requireCentre, type Caller } from './caller';
import type { CaseRow } from './cases';
import { openRequest } from './stored-request';
import { isoOrNull, type PlatformContext } from './context';
import { forbidden, notFound, PlatformError } from './errors';

/** A 一件事 and each of its items, for the status page and the desk. */
export class BundleService {
  constructor(private readonly ctx: PlatformContext) {}

  async view(caller: Caller, caseId: string): Promise<BundleView> {
    const db = this.ctx.db;
    const asked = await db.get<CaseRow>('SELECT * FROM cases WHERE id = ?', [caseId]);
    if (!asked) throw notFound(`case ${caseId}`);
    requireCentre(caller, asked.centre_id);
    const parent = asked.bundle_id ? await db.get<CaseRow>('SELECT * FROM cases WHERE id = ?', [asked.bundle_id]) : asked;
    if (!parent) throw notFound(`bundle ${asked.bundle_id}`);
    // A kiosk follows only what it submitted, as with events.
    if (caller.kind === 'terminal' && caller.terminalKind === 'kiosk' && parent.terminal_id !== caller.id) throw forbidden('this case was submitted at another terminal');
    const item = (await this.ctx.catalogue()).items.find((i) => i.code === parent.service_code);
    if (item?.kind !== 'bundle') throw new PlatformError(404, 'not-found', `case ${caseId} is not part of a 一件事 bundle`, 'caseId');
    const children = await db.all<CaseRow>('SELECT * FROM cases WHERE bundle_id = ?', [parent.id]);
    const mode = openRequest(this.ctx.cipher, parent).form[COLLECT_MODE_FIELD] === 'each' ? 'each' : 'together';
    return {
      bundleId: parent.id,
      serviceCode: parent.service_code,
      status: parent.status,
      queueNumber: parent.queue_number,
      collectMode: mode,
      items: (item.bundleOf ?? []).map((code) => {
        const child = children.find((c) => c.service_code === code);
        return {
          serviceCode: code,
          caseId: child?.id ?? null,
          status: child?.status ?? null,
          department: child?.department ?? null,
          deadlineAt: isoOrNull(child?.deadline_at),
        };
      }),
    };
  }
}
