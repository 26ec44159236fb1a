import { useT } from '../../i18n/use-t';

/**
 * 开始办理: the clerk marks the moment the called citizen reached the counter, which ends the
 * walking time and starts the handling time of the service-level statistics. Shown on the
 * clerk's own called case or ticket until pressed; then the time it was pressed.
 */
export function StartServiceButton({ startedAt, mine, start }: { startedAt: string | null | undefined; mine: boolean; start: () => Promise<void> }) {
  const t = useT();
  if (startedAt) {
    const at = new Date(startedAt).toLocaleTimeString('zh-CN', { hour: '2-digit', minute: '2-digit', hour12: false, timeZone: 'Asia/Shanghai' });
    return <p data-testid="service-started">{t('serviceLevels.startedAt', { time: at })}</p>;
  }
  if (!mine) return null;
  return (
    <button type="button" class="button secondary" onClick={() => void start()}>
      {t('serviceLevels.start')}
    </button>
  );
}
