import { useT } from '../i18n/use-t';
import { DemoPanel } from './DemoPanel';
import { HelpButton } from './HelpButton';
import { useApi } from '../state/api-context';
import { ReadAloudSwitch } from '../speech/ReadAloudSwitch';
import { endSession, largeType, locale, screen, session, terminalInfo } from '../state/store';

const TAPS_TO_SETUP = 5;
const TAP_WINDOW_MS = 3000;
let taps: number[] = [];

/** Five quick taps on the name open the technician's PIN pad; citizens never meet it by chance. */
function tapForSetup() {
  if (session.value || screen.value !== 'attract') return;
  const now = Date.now();
  taps = [...taps.filter((at) => now - at < TAP_WINDOW_MS), now];
  if (taps.length >= TAPS_TO_SETUP) {
    taps = [];
    screen.value = 'setup-pin';
  }
}

export function Toolbar() {
  const t = useT();
  const api = useApi();
  const info = terminalInfo.value;
  const inSession = session.value !== null;
  const switchLocale = () => (locale.value = locale.value === 'zh-CN' ? 'en' : 'zh-CN');
  return (
    <header class="toolbar">
      <div class="toolbar-title">
        <span class="app-name" onPointerDown={tapForSetup} data-testid="app-name">
          {t('app.name')}
        </span>
        {info && (
          <span class="centre-name" lang="zh-CN">
            {info.centreName}
          </span>
        )}
      </div>
      <nav class="toolbar-actions">
        {info?.demo && screen.value !== 'setup' && <DemoPanel />}
        {inSession && screen.value !== 'menu' && (
          <button type="button" class="button secondary" onClick={() => (screen.value = 'menu')}>
            {t('toolbar.home')}
          </button>
        )}
        {info?.role === 'kiosk' && <HelpButton />}
        <button
          type="button"
          class="button secondary"
          aria-pressed={largeType.value}
          onClick={() => (largeType.value = !largeType.value)}
        >
          {largeType.value ? t('toolbar.standardType') : t('toolbar.largeType')}
        </button>
        <ReadAloudSwitch />
        <button
          type="button"
          class="button secondary"
          lang={locale.value === 'zh-CN' ? 'en' : 'zh-CN'}
          data-testid="switch-language"
          onClick={switchLocale}
        >
          {t('toolbar.switchLanguage')}
        </button>
        {inSession && (
          <button type="button" class="button danger" onClick={() => void endSession(api, 'done')}>
            {t('toolbar.finish')}
          </button>
        )}
      </nav>
    </header>
  );
}
