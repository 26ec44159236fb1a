import { useEffect, useState } from 'preact/hooks';
import type { DemoCard } from '../../../contract/terminal/api';
import { useT } from '../i18n/use-t';
import { useApi } from '../state/api-context';

/**
 * The demo site's stand-in for a hand at the reader: places one of the simulator's fictional
 * cards, or takes it away. Marked as a demo so nobody mistakes it for the real thing.
 */
export function DemoPanel() {
  const t = useT();
  const api = useApi();
  const [cards, setCards] = useState<DemoCard[]>([]);
  const [open, setOpen] = useState(false);
  useEffect(() => {
    api.call('demo.cards', {}).then(setCards, () => setCards([]));
  }, [api]);
  if (cards.length === 0) return null;
  return (
    <aside class="demo-panel" aria-label={t('demo.panel')} data-testid="demo-panel">
      <button type="button" class="button secondary" aria-expanded={open} onClick={() => setOpen(!open)}>
        {t('demo.panel')}
      </button>
      {open && (
        <div class="demo-panel-body">
          <p>{t('demo.placeCard')}</p>
          {cards.map((card) => (
            <button type="button" key={card.id} class="button secondary" data-card={card.id} onClick={() => {
              setOpen(false);
              void api.call('demo.placeCard', { cardId: card.id });
            }}>
              <span lang="zh-CN">{card.label}</span>
            </button>
          ))}
          <button type="button" class="button danger" onClick={() => {
            setOpen(false);
            void api.call('demo.removeCard', {});
          }}>
            {t('demo.removeCard')}
          </button>
        </div>
      )}
    </aside>
  );
}
