import { useT } from '../i18n/use-t';
import { cardAwaySeconds } from '../state/store';

/** The card left the reader mid-session: put it back within the count and nothing is lost. */
export function CardAwayBanner() {
  const t = useT();
  const seconds = cardAwaySeconds.value;
  if (seconds === null) return null;
  return (
    <section class="card-away" role="alert" data-testid="card-away">
      <p class="lead">{t('cardAway.putBack')}</p>
      <p>{t('cardAway.countdown', { seconds })}</p>
    </section>
  );
}
