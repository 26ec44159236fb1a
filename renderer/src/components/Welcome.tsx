import { useT } from '../i18n/use-t';
import { identity } from '../state/store';

/** The citizen's name and masked ID number: they can see the card was read as theirs. */
export function Welcome() {
  const t = useT();
  const who = identity.value;
  if (!who) return null;
  // The name is data in Chinese inside a sentence of the UI's language: mark it as such.
  const [before, after] = t('welcome.greeting', { name: '\u0000' }).split('\u0000');
  return (
    <section class="welcome" data-testid="welcome">
      <span class="welcome-name">
        {before}
        <span lang="zh-CN">{who.name}</span>
        {after}
      </span>
      <span class="welcome-id">{t('welcome.idNumber', { masked: who.idNumberMasked })}</span>
    </section>
  );
}
