import { render } from 'preact';
import type { TongbanBridge } from '../../contract/terminal/bridge';
import { App } from './App';
import { createBridgeTransport } from './api/bridge-transport';
import { createClient } from './api/client';
import { createWsTransport } from './api/ws-transport';
import { lazy } from './components/lazy';
import { ApiContext } from './state/api-context';
import { catalogue, largeType, locale, screen, terminalInfo } from './state/store';
import './styles/base.css';

declare global {
  interface Window {
    tongbanBridge?: TongbanBridge;
  }
}

// A kiosk is not a web page: no context menu, no selection, no gestures that leave the app.
window.addEventListener('contextmenu', (event) => event.preventDefault());
window.addEventListener('dragstart', (event) => event.preventDefault());

const api = createClient(window.tongbanBridge ? createBridgeTransport(window.tongbanBridge) : createWsTransport(window.location));

async function load(): Promise<void> {
  try {
    const info = await api.call('terminal.info', {});
    terminalInfo.value = info;
    locale.value = info.locale;
    largeType.value = info.largeType;
    catalogue.value = await api.call('catalogue.get', {});
    screen.value = 'attract';
  } catch {
    screen.value = 'unavailable';
  }
}

// The counter's desk and the wall display load only where they are used.
const CounterApp = lazy(async () => (await import('./counter/CounterApp')).CounterApp);
const WallDisplay = lazy(async () => (await import('./counter/WallDisplay')).WallDisplay);

/** The wall display is this same page with `view=wall` in the fragment, beside the launch secret. */
const wallView = new URLSearchParams(window.location.hash.slice(1)).get('view') === 'wall';

function Root() {
  if (wallView) return <WallDisplay />;
  return terminalInfo.value?.role === 'counter' ? <CounterApp /> : <App />;
}

const root = document.getElementById('app');
if (root) {
  render(
    <ApiContext.Provider value={api}>
      <Root />
    </ApiContext.Provider>,
    root,
  );
  void load();
}
