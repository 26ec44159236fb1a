import { useEffect } from 'preact/hooks';
import { IdleWarning } from './components/IdleWarning';
import { Toolbar } from './components/Toolbar';
import { langTag } from './i18n';
import { useT } from './i18n/use-t';
import { FormScreen } from './forms/FormScreen';
import { Attract } from './screens/Attract';
import { CaseLookup } from './screens/CaseLookup';
import { AppointmentCheckIn } from './screens/AppointmentCheckIn';
import { VisitBooking } from './screens/VisitBooking';
import { CaseStatusScreen } from './screens/CaseStatus';
import { Certificate } from './screens/Certificate';
import { Confirmation } from './screens/Confirmation';
import { PinPad } from './setup/PinPad';
import { SetupScreen } from './setup/SetupScreen';
import { ServiceGuide } from './screens/ServiceGuide';
import { ServiceMenu } from './screens/ServiceMenu';
import { CaptureScreen } from './screens/Materials';
import { useActivityReports } from './state/activity';
import { useApi } from './state/api-context';
import { KeyboardWedgeDetector } from './devices/keyboard-wedge';
import { CardAwayBanner } from './components/CardAwayBanner';
import { ErrorPanel } from './components/ErrorPanel';
import { HelpBanner } from './components/HelpBanner';
import { helpChanged } from './state/help';
import { OutOfService, OutsideHours } from './fleet/OutOfService';
import { serviceState, useFleet } from './fleet/use-fleet';
import {
  agentCard,
  cardAwaySeconds,
  catalogue,
  identity,
  idleSecondsLeft,
  largeType,
  locale,
  lookUpScannedCase,
  notice,
  screen,
  selectedService,
  session,
  sessionBegan,
  submitCase,
  wipeSession,
} from './state/store';

const ACTIVITY_THROTTLE_MS = 1000;

/** Touches keep the session alive; the terminal owns the clock, the page only reports. */
function useActivityReporting() {
  const api = useApi();
  useActivityReports(
    ACTIVITY_THROTTLE_MS,
    () => session.value !== null,
    () => void api.call('session.activity', {}),
  );
}

const FAILURE_NOTICES = {
  'removed-during-read': 'notice.placeAgain',
  unreadable: 'notice.unreadable',
  expired: 'notice.expired',
  'reader-error': 'notice.readerError',
} as const;

function useSessionEvents() {
  const api = useApi();
  useEffect(() => {
    const offs = [
      api.on('session.began', ({ session: info }) => sessionBegan(info)),
      api.on('session.resumed', ({ sessionId }) => {
        if (session.value?.id === sessionId) idleSecondsLeft.value = null;
      }),
      api.on('identity.read', (view) => (identity.value = view)),
      api.on('identity.agent', (view) => (agentCard.value = view)),
      api.on('qr.scanned', ({ payload }) => {
        if (screen.value === 'setup' || screen.value === 'setup-pin') return;
        void lookUpScannedCase(api, payload).catch(() => {
          notice.value = 'notice.caseNotFound';
          screen.value = session.value ? 'lookup' : 'attract';
        });
      }),
      api.on('identity.failed', ({ reason }) => (notice.value = FAILURE_NOTICES[reason])),
    ];
    const offWarning = api.on('session.warning', ({ sessionId, secondsLeft }) => {
      if (session.value?.id === sessionId) idleSecondsLeft.value = secondsLeft;
    });
    const offEnded = api.on('session.ended', ({ sessionId, reason }) => {
      if (session.value?.id === sessionId) wipeSession(reason);
    });
    const offAway = api.on('session.cardAway', ({ sessionId, secondsLeft }) => {
      if (session.value?.id === sessionId) cardAwaySeconds.value = secondsLeft;
    });
    const offBack = api.on('session.cardBack', ({ sessionId }) => {
      if (session.value?.id === sessionId) cardAwaySeconds.value = null;
    });
    const offHelp = api.on('help.changed', helpChanged);
    return () => {
      offWarning();
      offEnded();
      offAway();
      offBack();
      offHelp();
      for (const off of offs) off();
    };
  }, [api]);
}

/**
 * A keyboard-wedge scanner types its code as a burst of keys ending in Enter; the page tells
 * that from a person typing and treats it as a scan (a receipt's QR code to look up).
 */
function useKeyboardWedge() {
  const api = useApi();
  useEffect(() => {
    const detector = new KeyboardWedgeDetector();
    const onKey = (event: KeyboardEvent) => {
      const outcome = detector.key(event.key, event.timeStamp);
      if (outcome.kind !== 'scan') return;
      event.preventDefault();
      if (screen.value === 'setup' || screen.value === 'setup-pin') return;
      void lookUpScannedCase(api, outcome.payload).then(
        (found) => {
          if (!found) notice.value = 'notice.caseNotFound';
        },
        () => (notice.value = 'notice.caseNotFound'),
      );
    };
    window.addEventListener('keydown', onKey, { capture: true });
    return () => window.removeEventListener('keydown', onKey, { capture: true });
  }, [api]);
}

function useDocumentSettings() {
  useEffect(() => {
    document.documentElement.lang = langTag[locale.value];
    document.documentElement.dataset.largeType = String(largeType.value);
  }, [locale.value, largeType.value]);
}

function Body() {
  const t = useT();
  const api = useApi();
  // The technician's screens stay reachable whatever the service state: that is how a kiosk gets fixed.
  const technician = screen.value === 'setup' || screen.value === 'setup-pin';
  if (serviceState.value.mode === 'out-of-service' && !technician) return <OutOfService />;
  // Closed: no new service starts (a citizen already in a form finishes it); looking up a case still works.
  if (serviceState.value.mode === 'closed' && (screen.value === 'attract' || screen.value === 'menu')) return <OutsideHours />;
  switch (screen.value) {
    case 'loading':
      return <main class="screen centred"><p class="lead">{t('app.loading')}</p></main>;
    case 'unavailable':
      return (
        <main class="screen centred" aria-labelledby="unavailable-title">
          <h1 id="unavailable-title">{t('app.unavailableTitle')}</h1>
          <ErrorPanel testId="unavailable" message="app.unavailable" onRetry={() => window.location.reload()} />
        </main>
      );
    case 'attract':
      return <Attract />;
    case 'menu':
      return <ServiceMenu />;
    case 'guide':
      return <ServiceGuide />;
    case 'confirmation':
      return <Confirmation />;
    case 'certificate':
      return <Certificate />;
    case 'lookup':
      return <CaseLookup />;
    case 'status':
      return <CaseStatusScreen />;
    case 'check-in':
      return <AppointmentCheckIn />;
    case 'visit-booking':
      return <VisitBooking />;
    case 'setup-pin':
      return <PinPad />;
    case 'setup':
      return <SetupScreen />;
    case 'capture': {
      const item = catalogue.value?.items.find((i) => i.code === selectedService.value);
      return item ? <CaptureScreen item={item} /> : null;
    }
    case 'form': {
      const item = catalogue.value?.items.find((i) => i.code === selectedService.value);
      return item ? <FormScreen item={item} onSubmit={() => submitCase(api, item)} onCancel={() => (screen.value = 'guide')} /> : null;
    }
  }
}

export function App() {
  useActivityReporting();
  useSessionEvents();
  useDocumentSettings();
  useKeyboardWedge();
  useFleet();
  return (
    <div class="app">
      <Toolbar />
      <HelpBanner />
      <CardAwayBanner />
      <Body />
      <IdleWarning />
    </div>
  );
}
