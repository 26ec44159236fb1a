import type { ServiceLevelLine } from '../../../../contract/platform/service-levels';
import { useT } from '../../i18n/use-t';
import './service-levels.css';

/**
 * The wall's lines: per service that has anyone waiting, how many wait and how many are past
 * each threshold now (the platform's count, read with the calls). Services nobody waits for are
 * left off, so the hall reads only what matters.
 */
export function WallServiceLevels({ lines }: { lines: readonly ServiceLevelLine[] | undefined }) {
  const t = useT();
  const shown = (lines ?? []).filter((l) => l.waiting > 0);
  if (shown.length === 0) return null;
  return (
    <section class="wall-service-levels" aria-labelledby="wall-levels-title">
      <h2 id="wall-levels-title">{t('serviceLevels.wallTitle')}</h2>
      <ul>
        {shown.map((l) => (
          <li key={l.serviceCode} data-service={l.serviceCode} data-testid="wall-service-line">
            <span class="wall-service-name">{l.name}</span>
            <span>{t('serviceLevels.waiting', { count: l.waiting })}</span>
            {l.warningNow > 0 && (
              <span class="badge wait-warning" data-wait-level="warning">
                {t('serviceLevels.warningCount', { count: l.warningNow })}
              </span>
            )}
            {l.criticalNow > 0 && (
              <span class="badge wait-critical" data-wait-level="critical">
                {t('serviceLevels.criticalCount', { count: l.criticalNow })}
              </span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
