import type { LocalizedText } from '../../../contract/platform/catalogue';
import { localized } from '../i18n';
import { useT } from '../i18n/use-t';
import { useSpeak } from '../speech/use-speak';
import { catalogue, locale, screen, selectedService, startForm } from '../state/store';

function Text({ value }: { value: LocalizedText }) {
  const { text, lang } = localized(locale.value, value);
  return <span lang={lang}>{text}</span>;
}

export function ServiceGuide() {
  const t = useT();
  const items = catalogue.value?.items ?? [];
  const item = items.find((i) => i.code === selectedService.value);
  useSpeak(item && { text: localized(locale.value, item.name).text }, item && { text: localized(locale.value, item.summary).text });
  if (!item) return null;
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
      <div class="form-actions">
        <button type="button" class="button secondary main-action" onClick={() => (screen.value = 'menu')}>
          {t('guide.back')}
        </button>
        <button type="button" class="button primary main-action" onClick={() => startForm(item.code)}>
          {t('guide.start')}
        </button>
      </div>
    </main>
  );
}
