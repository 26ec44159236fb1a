import { useT } from '../i18n/use-t';

export interface CandidateBarProps {
  /** The pinyin these candidates answer; it lags the composition while a query is on its way. */
  answering: string;
  /** The pinyin still to convert, shown before the candidates. */
  composition: string;
  candidates: string[];
  page: number;
  pageSize: number;
  onPick: (index: number) => void;
  onPage: (page: number) => void;
}

/** A row of large candidate keys in the keyboard's own flow (never a floating tip), paged. */
export function CandidateBar({ answering, composition, candidates, page, pageSize, onPick, onPage }: CandidateBarProps) {
  const t = useT();
  const pages = Math.max(1, Math.ceil(candidates.length / pageSize));
  const shown = candidates.slice(page * pageSize, (page + 1) * pageSize);
  return (
    <div class="candidate-bar" role="group" aria-label={t('keyboard.candidates')} data-testid="candidate-bar" data-answering={answering}>
      <span class="composition" data-testid="composition" aria-live="polite">
        {composition}
      </span>
      <button type="button" class="candidate-page" aria-label={t('keyboard.previous')} disabled={page === 0} onClick={() => onPage(page - 1)}>
        ‹
      </button>
      <ol class="candidates">
        {shown.map((text, i) => (
          <li key={`${page}-${i}`}>
            <button type="button" class="candidate" lang="zh-CN" data-testid="candidate" onClick={() => onPick(page * pageSize + i)}>
              {text}
            </button>
          </li>
        ))}
      </ol>
      <button type="button" class="candidate-page" aria-label={t('keyboard.next')} disabled={page >= pages - 1} onClick={() => onPage(page + 1)}>
        ›
      </button>
    </div>
  );
}
