import { useEffect, useRef } from 'preact/hooks';
import { useT } from '../i18n/use-t';

export interface SummaryEntry {
  /** The element the entry leads to (`field-<name>`, or a material slot). */
  target: string;
  label: string;
  text: string;
  /** Instead of moving focus on this page: another page or screen holds the problem. */
  go?: () => void;
}

/** Focus the field itself, or the first control inside a group (a choice, a material slot). */
function focusTarget(id: string): void {
  const element = document.getElementById(id);
  if (!element) return;
  const control = element.matches('input, button') ? element : element.querySelector<HTMLElement>('input, button');
  (control ?? element).scrollIntoView({ block: 'center' });
  control?.focus();
}

/**
 * GOV.UK's error summary: at the top, taking focus when it appears, one link per problem that
 * leads to the field, in the order of the form.
 */
export function ErrorSummary({ entries }: { entries: SummaryEntry[] }) {
  const t = useT();
  const box = useRef<HTMLDivElement>(null);
  const count = entries.length;
  useEffect(() => {
    if (count > 0) box.current?.focus();
  }, [count]);
  if (count === 0) return null;
  return (
    <div class="error-summary" role="alert" tabIndex={-1} ref={box} aria-labelledby="error-summary-title" data-testid="error-summary">
      <h2 id="error-summary-title">{t('form.summaryTitle')}</h2>
      <ul>
        {entries.map((entry) => (
          <li key={entry.target}>
            <a
              href={`#${entry.target}`}
              onClick={(event) => {
                event.preventDefault();
                if (entry.go) entry.go();
                else focusTarget(entry.target);
              }}
            >
              {t('form.summaryEntry', { label: entry.label, text: entry.text })}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
