import { useEffect } from 'preact/hooks';
import { useT } from '../i18n/use-t';
import { useApi } from '../state/api-context';
import { wall, wallCalled } from './counter-store';
import { announce } from './speech';

/**
 * The calling display on the hall's wall screen: the number called now, large, and the last few.
 * It is the same page as the counter's (`view=wall` in the fragment), so it shares the launch
 * secret and hears `counter.called` on the same connection; it speaks every call it shows.
 */
export function WallDisplay() {
  const t = useT();
  const api = useApi();
  useEffect(() => {
    document.documentElement.lang = 'zh-CN';
    document.title = t('counter.wallTitle');
    const off = api.on('counter.called', (called) => {
      wallCalled(called);
      announce(called.announcement);
    });
    api
      .call('counter.wall', {})
      .then((view) => {
        if (!wall.value) wall.value = view;
      })
      .catch(() => undefined);
    return off;
  }, [api]);

  const view = wall.value;
  const current = view?.current;
  return (
    <main class="wall" aria-labelledby="wall-title">
      <h1 id="wall-title" class="visually-hidden">
        {t('counter.wallTitle')}
      </h1>
      <section class="wall-current" aria-live="assertive" aria-atomic="true">
        {current ? (
          <>
            <p class="wall-number" data-testid="wall-number">
              {current.queueNumber}
            </p>
            <p class="wall-window">{current.windowName}</p>
            <p class="wall-announcement" data-testid="wall-announcement">
              {current.announcement}
            </p>
          </>
        ) : (
          <p class="wall-idle">{t('counter.wallIdle')}</p>
        )}
      </section>
      <section class="wall-recent" aria-labelledby="wall-recent-title">
        <h2 id="wall-recent-title">{t('counter.wallRecent')}</h2>
        <ol>
          {(view?.recent ?? []).map((c) => (
            <li key={c.caseId}>
              <span class="wall-recent-number">{c.queueNumber}</span> <span>{c.windowName}</span>
            </li>
          ))}
        </ol>
      </section>
    </main>
  );
}
