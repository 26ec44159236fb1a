import { useEffect } from 'preact/hooks';
import type { WallWindows } from '../../../contract/terminal/counter-api';
import { useT } from '../i18n/use-t';
import { useApi } from '../state/api-context';
import { wall, wallCalled } from './counter-store';
import { announce } from './speech';
import { TimelinessBadge } from './timeliness/TimelinessBadge';

/** How often the wall reads the calls again (other windows' calls, each case's 效能). */
const REFRESH_MS = 10_000;

/** `windows=all` in the fragment: every window's calls of the centre, not only this one's. */
function wallWindows(): WallWindows {
  return new URLSearchParams(window.location.hash.slice(1)).get('windows') === 'all' ? 'all' : 'own';
}

/**
 * The calling display on the hall's wall screen: the number called now, large, and the last few,
 * each with its case's 效能 once accepted. It is the same page as the counter's (`view=wall` in
 * the fragment), so it shares the launch secret and hears `counter.called` on the same
 * connection; it speaks every call of its own window.
 */
export function WallDisplay() {
  const t = useT();
  const api = useApi();
  const windows = wallWindows();
  useEffect(() => {
    document.documentElement.lang = 'zh-CN';
    document.title = t('counter.wallTitle');
    // A reading asked for before the last call was heard may not hold it: only a later one counts.
    let heard = 0;
    const read = () => {
      const asked = heard;
      api
        .call('counter.wall', { windows })
        .then((view) => {
          if (asked === heard) wall.value = view;
        })
        .catch(() => undefined);
    };
    const off = api.on('counter.called', (called) => {
      heard += 1;
      wallCalled(called);
      announce(called.announcement);
      void read();
    });
    // Another window's call, heard on the platform's event stream: already recorded, so read it now.
    const offOther = api.on('counter.wallCall', () => {
      if (windows !== 'all') return;
      heard += 1;
      void read();
    });
    void read();
    const timer = setInterval(() => void read(), REFRESH_MS);
    return () => {
      off();
      offOther();
      clearInterval(timer);
    };
  }, [api, windows]);

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
            <p class="wall-timeliness">
              <TimelinessBadge timeliness={current.timeliness} />
            </p>
          </>
        ) : (
          <p class="wall-idle">{t('counter.wallIdle')}</p>
        )}
      </section>
      <section class="wall-recent" aria-labelledby="wall-recent-title">
        <h2 id="wall-recent-title">{t(windows === 'all' ? 'counter.wallRecentAll' : 'counter.wallRecent')}</h2>
        <ol>
          {(view?.recent ?? []).map((c) => (
            <li key={c.caseId} data-queue-number={c.queueNumber}>
              <span class="wall-recent-number">{c.queueNumber}</span> <span>{c.windowName}</span> <TimelinessBadge timeliness={c.timeliness} />
            </li>
          ))}
        </ol>
      </section>
    </main>
  );
}
