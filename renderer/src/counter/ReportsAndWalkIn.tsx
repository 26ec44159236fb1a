import { useEffect, useState } from 'preact/hooks';
import type { FormValue, FormValues } from '../../../contract/forms/validate';
import { prefilledValues } from '../../../contract/forms/prefill';
import { shownFields, submittedValues, validateForm } from '../../../contract/forms/validate';
import { idNumberProblem } from '../../../contract/platform/id-number';
import { localized } from '../i18n';
import { useT } from '../i18n/use-t';
import { useApi } from '../state/api-context';
import { catalogue, locale } from '../state/store';
import { attempt, complain, info, loadStats } from './actions';
import { fieldLabel } from './field-labels';
import { cardRead, queue, stats } from './counter-store';
import { UNDECIDED_STATUSES } from '../../../contract/platform/case-states';

function minutes(seconds: number | null): string | null {
  return seconds === null ? null : (seconds / 60).toFixed(1);
}

export function Reports() {
  const t = useT();
  const api = useApi();
  // The figures follow the queue: every change the platform reports is a moment to re-read them.
  const queueAt = queue.value?.at;
  useEffect(() => {
    void loadStats(api);
  }, [api, queueAt]);
  const figures = stats.value;
  const none = t('counter.reportsNone');
  const wait = minutes(figures?.waiting.meanSeconds ?? null);
  const handling = minutes(figures?.handling.meanSeconds ?? null);
  const undecided = new Set<string>(UNDECIDED_STATUSES);
  const decided = figures ? Object.entries(figures.cases.byStatus).reduce((sum, [status, n]) => (undecided.has(status) ? sum : sum + n), 0) : null;
  return (
    <section class="counter-panel counter-reports" aria-labelledby="reports-title">
      <header class="counter-panel-head">
        <h2 id="reports-title">{t('counter.reportsTitle')}</h2>
        <button type="button" class="button secondary small" onClick={() => void loadStats(api)}>
          {t('counter.reportsRefresh')}
        </button>
      </header>
      <dl class="report-figures" data-testid="reports">
        <dt>{t('counter.reportsHandled')}</dt>
        <dd>{figures?.cases.total ?? none}</dd>
        <dt>{t('counter.reportsDecided')}</dt>
        <dd>{decided ?? none}</dd>
        <dt>{t('counter.reportsAvgWait')}</dt>
        <dd>{wait === null ? none : t('counter.minutes', { minutes: wait })}</dd>
        <dt>{t('counter.reportsAvgHandling')}</dt>
        <dd>{handling === null ? none : t('counter.minutes', { minutes: handling })}</dd>
        <dt>{t('counter.reportsRatings')}</dt>
        <dd>
          {figures && figures.ratings.count > 0
            ? t('counter.reportsRatingsValue', { count: figures.ratings.count, mean: (figures.ratings.mean ?? 0).toFixed(1) })
            : none}
        </dd>
      </dl>
    </section>
  );
}

/**
 * A case made at the window for the citizen in front of it. The applicant's name and ID number
 * are typed (or, once the counter's reader is wired, read from the card) and fill the fields the
 * schema prefills from the identity; the same shared validation as the kiosk and the platform.
 */
export function WalkIn() {
  const t = useT();
  const api = useApi();
  const items = catalogue.value?.items.filter((i) => i.kind !== 'bundle') ?? [];
  const [code, setCode] = useState(items[0]?.code ?? '');
  const [name, setName] = useState('');
  const [idNumber, setIdNumber] = useState('');
  const [phone, setPhone] = useState('');
  const [disabled, setDisabled] = useState(false);
  const [values, setValues] = useState<FormValues>({});
  const card = cardRead.value;
  const item = items.find((i) => i.code === code);
  // With a card, the terminal fills the form's card fields by the kiosk's rule (the number too: the page only has it masked).
  const prefilled: FormValues = prefilledValues(item?.form.fields ?? [], card ? { ...card, idNumber: null } : { name, idNumber: idNumber.toUpperCase() });
  const all = { ...values, ...prefilled };
  const fields = item ? shownFields(item.form, all).filter((f) => !f.prefill) : [];
  const set = (field: string, value: FormValue | undefined) => setValues({ ...values, [field]: value });

  const submit = async (e: Event) => {
    e.preventDefault();
    if (!item) return;
    const idProblem = card ? null : idNumberProblem(idNumber.toUpperCase());
    if (idProblem) return complain(t('counter.walkInProblem', { label: t('counter.walkInIdNumber'), problem: t('form.error.badIdNumber') }));
    const first = validateForm(item.form, all).find((p) => item.form.fields.find((f) => f.name === p.field)?.prefill === undefined);
    if (first) return complain(t('counter.walkInProblem', { label: fieldLabel(`form.${first.field}`, item.code), problem: t(`form.error.${first.code}`, first.params) }));
    const answers = submittedValues(item.form, all);
    if (card) {
      for (const field of item.form.fields) if (field.prefill === 'idNumber') delete answers[field.name];
    }
    const receipt = await attempt(
      () =>
        api.call('counter.createCase', {
          serviceCode: item.code,
          applicant: card ? { fromCard: true, ...(phone ? { phone } : {}) } : { name, idNumber: idNumber.toUpperCase(), ...(phone ? { phone } : {}) },
          values: answers,
          disabled,
        }),
      item.code,
    );
    if (!receipt) return;
    info(t('counter.walkInCreated', { number: receipt.queueNumber }));
    setName('');
    setIdNumber('');
    setPhone('');
    setValues({});
  };

  return (
    <section class="counter-panel counter-walk-in" aria-labelledby="walk-in-title">
      <h2 id="walk-in-title">{t('counter.walkInTitle')}</h2>
      <form class="counter-form" onSubmit={(e) => void submit(e)}>
        <label>
          {t('counter.walkInService')}
          <select name="service" value={code} onChange={(e) => setCode(e.currentTarget.value)}>
            {items.map((i) => (
              <option key={i.code} value={i.code}>
                {localized(locale.value, i.name).text}
              </option>
            ))}
          </select>
        </label>
        {card ? (
          <p class="notice-line" data-testid="walk-in-card">
            {t('counter.walkInCard', { name: card.name, id: card.idNumberMasked })}
          </p>
        ) : (
          <>
            <label>
              {t('counter.walkInName')}
              <input name="applicant-name" required maxLength={60} value={name} onInput={(e) => setName(e.currentTarget.value)} />
            </label>
            <label>
              {t('counter.walkInIdNumber')}
              <input name="applicant-id" required pattern="\d{17}[\dXx]" value={idNumber} onInput={(e) => setIdNumber(e.currentTarget.value)} />
            </label>
          </>
        )}
        <label>
          {t('counter.walkInPhone')}
          <input name="applicant-phone" inputMode="tel" pattern="1\d{10}" value={phone} onInput={(e) => setPhone(e.currentTarget.value)} />
        </label>
        <label class="inline-check">
          <input type="checkbox" checked={disabled} onChange={(e) => setDisabled(e.currentTarget.checked)} />
          {t('counter.walkInDisabled')}
        </label>
        {fields.map((field) => {
          const label = localized(locale.value, field.label);
          const value = values[field.name];
          if (field.type === 'choice') {
            return (
              <label key={field.name}>
                <span lang={label.lang}>{label.text}</span>
                <select name={field.name} value={typeof value === 'string' ? value : ''} onChange={(e) => set(field.name, e.currentTarget.value || undefined)}>
                  <option value="">—</option>
                  {(field.options ?? []).map((o) => (
                    <option key={o.value} value={o.value}>
                      {localized(locale.value, o.label).text}
                    </option>
                  ))}
                </select>
              </label>
            );
          }
          if (field.type === 'checkbox' || field.type === 'confirm') {
            return (
              <label key={field.name} class="inline-check">
                <input type="checkbox" name={field.name} checked={value === true} onChange={(e) => set(field.name, e.currentTarget.checked)} />
                <span lang={label.lang}>{label.text}</span>
              </label>
            );
          }
          return (
            <label key={field.name}>
              <span lang={label.lang}>{label.text}</span>
              <input
                name={field.name}
                placeholder={field.type === 'date' ? 'YYYY-MM-DD' : undefined}
                value={value === undefined ? '' : String(value)}
                onInput={(e) => {
                  const raw = e.currentTarget.value;
                  set(field.name, field.type === 'number' && raw !== '' && !Number.isNaN(Number(raw)) ? Number(raw) : raw);
                }}
              />
            </label>
          );
        })}
        <div class="form-actions">
          <button type="submit" class="button primary">
            {t('counter.walkInSubmit')}
          </button>
        </div>
      </form>
    </section>
  );
}
