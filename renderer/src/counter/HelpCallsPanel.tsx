import { signal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import type { HelpCall } from '../../../contract/platform/help';
import { isMessageKey } from '../i18n';
import { useT } from '../i18n/use-t';
import { useApi } from '../state/api-context';

const calls = signal<HelpCall[]>([]);
const takenElsewhere = signal(false);

const time = (at: string) => new Date(at).toLocaleTimeString('zh-CN', { hour12: false, timeZone: 'Asia/Shanghai' });

/**
 * 呼叫工作人员 at the desk: every open call of the centre — which machine, where it stands, on
 * which screen, since when — and "I'll go", which tells the kiosk someone is coming. The list
 * follows the platform's event stream through the terminal (`counter.help`).
 */
export function HelpCallsPanel() {
  const t = useT();
  const api = useApi();
  useEffect(() => {
    const off = api.on('counter.help', (view) => (calls.value = view.calls));
    void api.call('counter.helpCalls', {}).then((view) => (calls.value = view.calls), () => undefined);
    return off;
  }, [api]);
  const take = (id: string) => {
    takenElsewhere.value = false;
    api.call('counter.takeHelpCall', { id }).then(
      () => (calls.value = calls.value.filter((c) => c.id !== id)),
      () => (takenElsewhere.value = true),
    );
  };
  const screenName = (screen: string) => {
    const key = `helpScreen.${screen}`;
    return isMessageKey(key) ? t(key) : screen;
  };
  return (
    <section class="help-calls" aria-labelledby="help-calls-title" data-testid="help-calls">
      <h2 id="help-calls-title">
        {t('counter.help.title')} ({calls.value.length})
      </h2>
      {takenElsewhere.value && <p role="status">{t('counter.help.takenElsewhere')}</p>}
      {calls.value.length === 0 ? (
        <p>{t('counter.help.none')}</p>
      ) : (
        <ul aria-live="assertive">
          {calls.value.map((call) => (
            <li key={call.id} data-help-call={call.id} data-terminal={call.terminalId}>
              <span>
                <strong>{t('counter.help.from', { terminal: call.terminalId, location: call.location || t('counter.help.noLocation') })}</strong>
                <br />
                {t('counter.help.screen', { screen: screenName(call.screen) })} · {t('counter.help.at', { time: time(call.calledAt) })}
              </span>
              <button type="button" class="button primary" onClick={() => take(call.id)}>
                {t('counter.help.take')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
