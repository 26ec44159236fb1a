import { useEffect, useRef, useState } from 'preact/hooks';
import type { CaseSummary } from '../../../contract/platform/cases';
import type { Colleague } from '../../../contract/platform/desk';
import { useT } from '../i18n/use-t';
import { FormActions } from './DeskChrome';
import { useApi } from '../state/api-context';
import { catalogue } from '../state/store';
import { attempt, decide, info } from './actions';
import { counterStatus, review } from './counter-store';
import { DepartmentPicker } from './CycleParts';
import { transferTargets } from './transfer-rules';

/** Whether this clerk holds the case: the one called at this window, or one the platform says they hold. */
export function onMyDesk(summary: Pick<CaseSummary, 'caseId' | 'claimedBy' | 'status'>, fromMyList = false): boolean {
  return counterStatus.value?.current?.caseId === summary.caseId || (fromMyList && summary.claimedBy !== null);
}

/** Focus goes to a form's first control when it opens, so the keyboard carries on where the eye is. */
export function useFirstFieldFocus() {
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => form.current?.querySelector<HTMLElement>('input, select, textarea, button')?.focus(), []);
  return form;
}

/** 转办 to a department or 转窗口 to a colleague, from the case panel or a row of my cases. */
export function TransferForm({ summary, mine, onDone }: { summary: CaseSummary; mine: boolean; onDone: (moved: boolean) => void }) {
  const t = useT();
  const api = useApi();
  const can = transferTargets(summary, mine);
  const [target, setTarget] = useState<'department' | 'window'>(can.department ? 'department' : 'window');
  const [department, setDepartment] = useState(catalogue.value?.items.find((i) => i.code === summary.serviceCode)?.decidedBy ?? '');
  const [colleagues, setColleagues] = useState<Colleague[] | null>(null);
  const [staffId, setStaffId] = useState('');
  const form = useFirstFieldFocus();
  useEffect(() => {
    if (target === 'window' && colleagues === null) void attempt(() => api.call('desk.colleagues', {})).then((found) => setColleagues(found ?? []));
  }, [api, target, colleagues]);
  const submit = async (e: Event) => {
    e.preventDefault();
    if (target === 'department') return onDone(await decide(api, summary.caseId, { decision: 'transfer', ...(department ? { department } : {}) }));
    const moved = await attempt(() => api.call('desk.handover', { caseId: summary.caseId, staffId }), summary.serviceCode);
    if (!moved) return onDone(false);
    const to = colleagues?.find((c) => c.id === staffId)?.displayName ?? '';
    info(t('desk.handedOver', { number: moved.queueNumber, name: to }));
    if (review.value?.detail.caseId === summary.caseId) review.value = null;
    onDone(true);
  };
  return (
    <form ref={form} class="decision-form" data-testid="decision-transfer" onSubmit={(e) => void submit(e)}>
      {can.department && can.window && (
        <fieldset>
          <legend>{t('desk.transferTo')}</legend>
          <label class="inline-check">
            <input type="radio" name="target" checked={target === 'department'} onChange={() => setTarget('department')} /> {t('desk.transferToDepartment')}
          </label>
          <label class="inline-check">
            <input type="radio" name="target" checked={target === 'window'} onChange={() => setTarget('window')} /> {t('desk.transferToWindow')}
          </label>
        </fieldset>
      )}
      {target === 'department' ? (
        <DepartmentPicker value={department} onChange={setDepartment} />
      ) : (
        <label>
          {t('desk.colleague')}
          <select name="colleague" required value={staffId} onChange={(e) => setStaffId(e.currentTarget.value)}>
            <option value="">{colleagues && colleagues.length === 0 ? t('desk.noColleagues') : t('cycle.choose')}</option>
            {(colleagues ?? []).map((c) => (
              <option key={c.id} value={c.id}>
                {c.displayName}
              </option>
            ))}
          </select>
        </label>
      )}
      <FormActions onCancel={() => onDone(false)} />
    </form>
  );
}
