import { useEffect, useState } from 'preact/hooks';
import type { LocalizedText, ServiceItem } from '../../../contract/platform/catalogue';
import { eligibilityProblem, shanghaiToday } from '../../../contract/forms/eligibility';
import type { PrinterReadiness } from '../../../contract/terminal/api';
import { ErrorPanel } from '../components/ErrorPanel';
import { localized } from '../i18n';
import { useT } from '../i18n/use-t';
import { useApi } from '../state/api-context';
import { useSpeak } from '../speech/use-speak';
import { catalogue, identity, locale, screen, selectedService, startForm } from '../state/store';

function Text({ value }: { value: LocalizedText }) {
  const { text, lang } = localized(locale.value, value);
  return <span lang={lang}>{text}</span>;
}

/** A service that ends in paper asks the printer first, so nobody starts one the printer cannot finish. */
function usePrinterReadiness(item: ServiceItem | undefined): PrinterReadiness | 'checking' | null {
  const api = useApi();
  const [readiness, setReadiness] = useState<PrinterReadiness | 'checking' | null>(null);
  const needsPrinter = item?.kind === 'certificate';
  useEffect(() => {
    if (!needsPrinter) return;
    setReadiness('checking');
    api.call('print.readiness', {}).then(setReadiness, () => setReadiness({ ready: false, message: 'print.a4.unavailable' }));
  }, [item?.code]);
  return needsPrinter ? readiness : null;
}

/** Why the citizen at the machine cannot start this service, if the card already tells. */
function StartBlocker({ item, printer }: { item: ServiceItem; printer: PrinterReadiness | 'checking' | null }) {
  const t = useT();
  if (printer && printer !== 'checking' && !printer.ready) {
    return <ErrorPanel testId="printer-not-ready" message="printer.notReadyBefore" nextStep={printer.message} onBack={() => (screen.value = 'menu')} />;
  }
  if (!item.eligibility) return null;
  const who = identity.value;
  if (!who) {
    return (
      <p class="notice" role="status" data-testid="eligibility-needs-card">
        {t('eligibility.needCard')}
      </p>
    );
  }
  const problem = eligibilityProblem(item, who.birthDate, shanghaiToday());
  if (!problem) return null;
  return (
    <section aria-labelledby="eligibility-title" data-testid="not-eligible">
      <h2 id="eligibility-title">{t('eligibility.title')}</h2>
      <ErrorPanel message="eligibility.age" params={{ min: problem.minAge, age: problem.age }} nextStep="eligibility.next" onBack={() => (screen.value = 'menu')} />
    </section>
  );
}

export function ServiceGuide() {
  const t = useT();
  const items = catalogue.value?.items ?? [];
  const item = items.find((i) => i.code === selectedService.value);
  const printer = usePrinterReadiness(item);
  useSpeak(item && { text: localized(locale.value, item.name).text }, item && { text: localized(locale.value, item.summary).text });
  if (!item) return null;
  const who = identity.value;
  const blocked =
    printer === 'checking' ||
    (printer !== null && !printer.ready) ||
    (item.eligibility !== undefined && (!who || eligibilityProblem(item, who.birthDate, shanghaiToday()) !== undefined));
  const bundled = (item.bundleOf ?? []).map((code) => items.find((i) => i.code === code)).filter((i) => i !== undefined);
  return (
    <main class="screen guide" aria-labelledby="guide-title">
      <p class="eyebrow">{t('guide.title')}</p>
      <h1 id="guide-title">
        <Text value={item.name} />
      </h1>
      <p class="lead">
        <Text value={item.summary} />
      </p>
      <dl class="facts">
        <dt>{t('guide.department')}</dt>
        <dd>
          <Text value={item.department} />
        </dd>
        <dt>{t('guide.timeLimit')}</dt>
        <dd>{item.timeLimitDays === 0 ? t('guide.timeLimitImmediate') : t('guide.timeLimitDays', { days: item.timeLimitDays })}</dd>
        <dt>{t('guide.fee')}</dt>
        <dd>{item.feeCents === 0 ? t('guide.free') : t('guide.feeAmount', { amount: (item.feeCents / 100).toFixed(2) })}</dd>
        <dt>{t('guide.result')}</dt>
        <dd>
          <Text value={item.resultDelivery} />
        </dd>
        <dt>{t('guide.counterVisit')}</dt>
        <dd>{t(`guide.counterVisit.${item.counterVisit}`)}</dd>
      </dl>
      {bundled.length > 0 && (
        <section aria-labelledby="bundle-title">
          <h2 id="bundle-title">{t('guide.bundleOf')}</h2>
          <ul class="plain-list">
            {bundled.map((b) => (
              <li key={b.code}>
                <Text value={b.name} />
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="materials-title">
        <h2 id="materials-title">{t('guide.materials')}</h2>
        {item.materials.length === 0 ? (
          <p>{t('guide.noMaterials')}</p>
        ) : (
          <ul class="plain-list materials">
            {item.materials.map((m) => (
              <li key={m.code}>
                <span class="badge">{m.required ? t('guide.required') : t('guide.optional')}</span>
                <Text value={m.name} />
                {m.electronicLicence && <span class="note">{t('licences.guide')}</span>}
              </li>
            ))}
          </ul>
        )}
      </section>
      <StartBlocker item={item} printer={printer} />
      <div class="form-actions">
        <button type="button" class="button secondary main-action" onClick={() => (screen.value = 'menu')}>
          {t('guide.back')}
        </button>
        <button type="button" class="button secondary main-action" onClick={() => (screen.value = 'visit-booking')}>
          {t('booking.open')}
        </button>
        {!blocked && (
          <button type="button" class="button primary main-action" onClick={() => startForm(item.code)}>
            {t('guide.start')}
          </button>
        )}
      </div>
    </main>
  );
}
