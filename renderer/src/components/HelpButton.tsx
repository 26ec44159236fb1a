import { useT } from '../i18n/use-t';
import { useApi } from '../state/api-context';
import { callForHelp, help } from '../state/help';

/** 呼叫工作人员: on every screen, in the toolbar; pressed again while a call waits, it does nothing new. */
export function HelpButton() {
  const t = useT();
  const api = useApi();
  const calling = help.value?.state === 'sending' || help.value?.state === 'waiting';
  return (
    <button type="button" class="button help" data-testid="call-staff" aria-pressed={calling} onClick={() => void callForHelp(api)}>
      {t('help.call')}
    </button>
  );
}
