import type { Timeliness } from '../../../../contract/platform/timeliness';
import { useT } from '../../i18n/use-t';

/**
 * 效能 as the platform computed it: on time, near the deadline (临近时限) or past it (已超期). The
 * word carries the meaning, the colour only repeats it. Nothing before 受理 (no promise has been
 * made yet).
 */
export function TimelinessBadge({ timeliness }: { timeliness: Timeliness | null | undefined }) {
  const t = useT();
  if (!timeliness) return null;
  const { state } = timeliness;
  return (
    <span class={`badge timeliness-${state}`} data-testid="timeliness" data-timeliness={state}>
      {t(`timeliness.${state}`)}
    </span>
  );
}
