import type { WaitLevel } from '../../../../contract/platform/wait-level';
import { useT } from '../../i18n/use-t';
import './service-levels.css';

/**
 * A waiting item against its service's waiting-time targets, as the platform judged it: 即将超时
 * (warning) or 已超时 (critical) in words, the colour only repeating them; nothing while within.
 */
export function WaitLevelBadge({ level }: { level: WaitLevel | undefined }) {
  const t = useT();
  if (!level || level === 'ok') return null;
  return (
    <span class={`badge wait-${level}`} data-testid="wait-level" data-wait-level={level}>
      {t(`serviceLevels.${level}`)}
    </span>
  );
}
