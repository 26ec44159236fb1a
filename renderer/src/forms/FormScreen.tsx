import { Fragment } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { FormField, ServiceItem } from '../../../contract/platform/catalogue';
import { prefillValue } from '../../../contract/forms/prefill';
import { checkField, shownFields, validateForm, type FieldProblem, type FormValue } from '../../../contract/forms/validate';
import type { IdentityView } from '../../../contract/terminal/api';
import { localized } from '../i18n';
import { useT } from '../i18n/use-t';
import { LazyKeyboard } from '../keyboard/LazyKeyboard';
import { agentCard, editingFromReview, formPage, formValues, identity, locale, touchedFields } from '../state/store';
import { AgentCardPanel } from '../components/AgentCardPanel';
import { materialNeed, pagesOf } from '../state/capture';
import { ErrorPanel } from '../components/ErrorPanel';
import { ErrorSummary, type SummaryEntry } from './ErrorSummary';
import { keyboardFor, normaliseTyped, typedInFull } from './field-input';
import { MaterialsSection, ReadablePapersSection } from '../screens/Materials';
import { maskIdNumber } from '../../../contract/identity/id-number';
import { useSpeak } from '../speech/use-speak';

const FIELDS_PER_PAGE = 3;

const masked = (who: IdentityView) => ({ ...who, idNumber: who.idNumberMasked });

/** The card's value for a prefilled field, as the citizen may see it (the ID number masked); an agent's field, from the agent's card once read. */
export function prefillDisplay(field: FormField, who: IdentityView | null): string | undefined {
  const agent = agentCard.value?.agent;
  return who ? prefillValue(field, masked(who), agent ? masked(agent) : null) : undefined;
}

function useProblemText() {
  const t = useT();
  return (problem: FieldProblem) => t(`form.error.${problem.code}`, problem.params);
}

function Label({ field }: { field: FormField }) {
  const label = localized(locale.value, field.label);
  return <span lang={label.lang}>{label.text}</span>;
}

function setValue(name: string, value: FormValue | undefined) {
  formValues.value = { ...formValues.value, [name]: value };
}

function touch(name: string) {
  if (!touchedFields.value.has(name)) touchedFields.value = new Set([...touchedFields.value, name]);
}

function ChoiceField({ field, problem }: { field: FormField; problem?: FieldProblem }) {
  const value = formValues.value[field.name];
  return (
    <div id={`field-${field.name}`} role="radiogroup" aria-labelledby={`label-${field.name}`} aria-invalid={problem ? true : undefined} class="choices">
      {(field.options ?? []).map((option) => {
        const text = localized(locale.value, option.label);
        return (
          <button
            type="button"
            key={option.value}
            role="radio"
            aria-checked={value === option.value}
            class="button choice"
            lang={text.lang}
            onClick={() => {
              setValue(field.name, option.value);
              touch(field.name);
            }}
          >
            {text.text}
          </button>
        );
      })}
    </div>
  );
}

function ToggleField({ field, label }: { field: FormField; label: string }) {
  const value = formValues.value[field.name] === true;
  return (
    <button
      id={`field-${field.name}`}
      type="button"
      role="checkbox"
      aria-checked={value}
      aria-labelledby={`label-${field.name}`}
      class="button toggle"
      onClick={() => {
        setValue(field.name, !value);
        touch(field.name);
      }}
    >
      <span class="tick" aria-hidden="true">{value ? '✓' : ''}</span>
      {label}
    </button>
  );
}

function TextField({ field, active, onFocus, problem }: { field: FormField; active: boolean; onFocus: () => void; problem?: FieldProblem }) {
  const value = formValues.value[field.name];
  return (
    <input
      id={`field-${field.name}`}
      class={`text-field${active ? ' active' : ''}`}
      inputMode="none"
      autocomplete="off"
      aria-labelledby={`label-${field.name}`}
      aria-invalid={problem ? true : undefined}
      aria-describedby={problem ? `error-${field.name}` : undefined}
      value={typeof value === 'string' || typeof value === 'number' ? String(value) : ''}
      onFocus={onFocus}
      onClick={onFocus}
      onInput={(event) => setValue(field.name, normaliseTyped(field, (event.target as HTMLInputElement).value))}
      onBlur={() => touch(field.name)}
    />
  );
}

function FieldRow({ field, active, onFocus, showProblem }: { field: FormField; active: boolean; onFocus: () => void; showProblem: boolean }) {
  const t = useT();
  const problemText = useProblemText();
  const prefilled = prefillDisplay(field, identity.value);
  // A value from the card is the terminal's, not the citizen's to fix: no problem is shown on it.
  const problem = showProblem && prefilled === undefined ? checkField(field, formValues.value[field.name]) : undefined;
  const help = field.help ? localized(locale.value, field.help) : undefined;
  return (
    <div class={`field${problem ? ' has-problem' : ''}`} data-field={field.name}>
      <label id={`label-${field.name}`} for={field.type === 'text' || !field.type ? `field-${field.name}` : undefined} class="field-label">
        <Label field={field} />
        {field.required && !prefilled && <span class="required" aria-hidden="true"> *</span>}
      </label>
      {help && !prefilled && <p class="hint" lang={help.lang}>{help.text}</p>}
      {prefilled !== undefined ? (
        <p class="prefilled" id={`field-${field.name}`}>
          <span class="prefilled-value">{prefilled}</span>
          <span class="note">{t('form.fromCard')}</span>
        </p>
      ) : field.type === 'choice' ? (
        <ChoiceField field={field} problem={problem} />
      ) : field.type === 'checkbox' || field.type === 'confirm' ? (
        <ToggleField field={field} label={field.type === 'confirm' ? t('form.confirmLabel') : t('form.yes')} />
      ) : (
        <TextField field={field} active={active} onFocus={onFocus} problem={problem} />
      )}
      {problem && (
        <p class="problem" id={`error-${field.name}`} role="alert">
          <span aria-hidden="true">⚠ </span>
          {problemText(problem)}
        </p>
      )}
    </div>
  );
}

function answerText(field: FormField, value: FormValue | undefined, t: ReturnType<typeof useT>): string {
  const prefilled = prefillDisplay(field, identity.value);
  if (prefilled !== undefined) return prefilled;
  if (value === undefined || value === '') return t('form.notAnswered');
  if (typeof value === 'boolean') return value ? t('form.yes') : t('form.no');
  if (field.type === 'choice') {
    const option = field.options?.find((o) => o.value === value);
    return option ? localized(locale.value, option.label).text : String(value);
  }
  if (field.type === 'idNumber' && typeof value === 'string') return maskIdNumber(value);
  return String(value);
}

export interface FormScreenProps {
  item: ServiceItem;
  onSubmit: () => Promise<void>;
  onCancel: () => void;
}

/**
 * The service's form, a few fields a page, then a review page (GOV.UK's check answers). The
 * pages are cut from every field of the schema, so the step count is fixed from the start even
 * when an answer shows more fields; a page whose fields are all hidden is passed over. Problems
 * show as the citizen types once a field has been left, and in an error summary at the top,
 * linking to each field, when they try to go on; 修改 on the review leads to the field's page
 * and straight back; required scans are asked for before the case can be sent.
 */
export function FormScreen({ item, onSubmit, onCancel }: FormScreenProps) {
  const t = useT();
  const problemText = useProblemText();
  const [activeField, setActiveField] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [attempted, setAttempted] = useState(false);
  const [submitFailed, setSubmitFailed] = useState(false);
  const who = identity.value;
  const askable = (f: FormField) => prefillDisplay(f, who) === undefined;
  const visible = shownFields(item.form, formValues.value);
  const isShown = (f: FormField) => visible.includes(f);
  const pages: FormField[][] = [];
  for (let i = 0; i < item.form.fields.length; i += FIELDS_PER_PAGE) pages.push(item.form.fields.slice(i, i + FIELDS_PER_PAGE));
  const page = Math.min(formPage.value, pages.length);
  const onReview = page === pages.length;
  const pageFields = (pages[page] ?? []).filter(isShown);
  const problemsOn = (fields: FormField[]) => validateForm({ fields: fields.filter(askable) }, formValues.value);
  const active = pageFields.find((f) => f.name === activeField && askable(f));
  const mode = active ? keyboardFor(active) : undefined;
  const pageOf = (field: FormField) => Math.floor(item.form.fields.indexOf(field) / FIELDS_PER_PAGE);
  const labelOf = (name: string) => {
    const field = item.form.fields.find((f) => f.name === name);
    return field ? localized(locale.value, field.label).text : name;
  };
  const missingScans = item.materials.filter((m) => m.required && materialNeed(m) === 'scan' && pagesOf(m.code).length === 0);

  const goTo = (target: number) => {
    setActiveField(null);
    setAttempted(false);
    // Pages whose fields the answers hide are passed over, in the direction of travel.
    let next = target;
    const step = target >= page ? 1 : -1;
    while (next >= 0 && next < pages.length && (pages[next] ?? []).filter(isShown).length === 0) next += step;
    if (next < 0) onCancel();
    else formPage.value = Math.min(next, pages.length);
  };
  const next = () => {
    const problems = problemsOn(pageFields);
    if (problems.length > 0) {
      touchedFields.value = new Set([...touchedFields.value, ...pageFields.map((f) => f.name)]);
      setAttempted(true);
      return;
    }
    if (editingFromReview.value) {
      editingFromReview.value = false;
      setActiveField(null);
      setAttempted(false);
      formPage.value = pages.length;
      return;
    }
    goTo(page + 1);
  };
  const back = () => {
    if (editingFromReview.value) {
      editingFromReview.value = false;
      setAttempted(false);
      formPage.value = pages.length;
      return;
    }
    if (page === 0) onCancel();
    else goTo(page - 1);
  };
  const edit = (field: FormField) => {
    editingFromReview.value = true;
    setAttempted(false);
    formPage.value = pageOf(field);
  };
  const submit = async () => {
    if (submitting) return;
    if (problemsOn(visible).length > 0 || missingScans.length > 0) {
      setAttempted(true);
      return;
    }
    setSubmitting(true);
    setSubmitFailed(false);
    try {
      await onSubmit();
    } catch {
      setSubmitFailed(true);
    } finally {
      setSubmitting(false);
    }
  };

  const summary: SummaryEntry[] = !attempted
    ? []
    : onReview
      ? [
          ...problemsOn(visible).map((p) => {
            const field = item.form.fields.find((f) => f.name === p.field) as FormField;
            return { target: `field-${p.field}`, label: labelOf(p.field), text: problemText(p), go: () => edit(field) };
          }),
          ...missingScans.map((m) => ({
            target: `material-${m.code}`,
            label: localized(locale.value, m.name).text,
            text: t('form.scanRequired', { names: localized(locale.value, m.name).text }),
          })),
        ]
      : problemsOn(pageFields).map((p) => ({ target: `field-${p.field}`, label: labelOf(p.field), text: problemText(p) }));
  const name = localized(locale.value, item.name);
  // The keyboard takes the bottom of the screen; the field being typed is kept in view above it.
  // The keyboard loads on first use: the area above it shrinks only once it is there, so the field
  // is brought into view again whenever the scrolling area changes size.
  useEffect(() => {
    if (!active) return;
    const control = document.getElementById(`field-${active.name}`);
    const field = control?.closest('.field');
    if (!control || !field) return;
    // The whole field (label, hint, box) when it fits; when a banner leaves too little room
    // (长辈版, the card taken away), at least the box being typed in.
    const keepInView = () => {
      field.scrollIntoView({ block: 'nearest' });
      control.scrollIntoView({ block: 'nearest' });
    };
    keepInView();
    const area = field.closest('main') ?? field.parentElement;
    if (!area) return;
    const observer = new ResizeObserver(keepInView);
    observer.observe(area);
    return () => observer.disconnect();
  }, [active?.name, mode]);
  useSpeak(
    onReview ? 'form.review' : { key: 'form.step', params: { page: page + 1, pages: pages.length } },
    onReview ? 'form.reviewHint' : 'speech.form.instruction',
    summary.length > 0 && 'form.summaryTitle',
  );
  return (
    <>
    <main class="screen form-screen" aria-labelledby="form-title">
      <p class="eyebrow">
        <span lang={name.lang}>{name.text}</span> · {onReview ? t('form.review') : t('form.step', { page: page + 1, pages: pages.length })}
      </p>
      <ErrorSummary entries={summary} />
      {onReview ? (
        <>
          <h1 id="form-title">{t('form.review')}</h1>
          <p class="lead">{t('form.reviewHint')}</p>
          <dl class="facts review">
            {visible.map((field) => (
              <div key={field.name} class="review-row">
                <dt>
                  <Label field={field} />
                </dt>
                <dd>
                  {answerText(field, formValues.value[field.name], t)}
                  {askable(field) && (
                    <button type="button" class="button secondary small" onClick={() => edit(field)}>
                      {t('form.edit')}
                      <span class="visually-hidden">
                        {' '}
                        <Label field={field} />
                      </span>
                    </button>
                  )}
                </dd>
              </div>
            ))}
          </dl>
          <MaterialsSection item={item} />
          {submitFailed && (
            <ErrorPanel testId="submit-error" message="error.submitFailed" nextStep="error.submitNext" onRetry={() => void submit()} onBack={() => setSubmitFailed(false)} />
          )}
        </>
      ) : (
        <>
          <h1 id="form-title" class="form-title">
            <span lang={name.lang}>{name.text}</span>
          </h1>
          {page === 0 && <ReadablePapersSection item={item} />}
          {pageFields.map((field, index) => (
            <Fragment key={field.name}>
            {field.fromAgentCard && pageFields.findIndex((f) => f.fromAgentCard) === index && <AgentCardPanel />}
            <FieldRow
              field={field}
              active={field.name === activeField}
              onFocus={() => setActiveField(field.name)}
              showProblem={touchedFields.value.has(field.name) || (field.name === activeField && typedInFull(field, formValues.value[field.name]))}
            />
            </Fragment>
          ))}
        </>
      )}
      <div class="form-actions">
        <button type="button" class="button secondary main-action" onClick={back}>
          {t('form.back')}
        </button>
        {onReview ? (
          <button type="button" class="button primary main-action" disabled={submitting} onClick={() => void submit()}>
            {t('form.submit')}
          </button>
        ) : (
          <button type="button" class="button primary main-action" onClick={next}>
            {editingFromReview.value ? t('form.backToReview') : t('form.next')}
          </button>
        )}
      </div>
    </main>
      {active && mode && (
        <LazyKeyboard
          key={active.name}
          mode={mode}
          value={String(formValues.value[active.name] ?? '')}
          maxLength={active.maxLength}
          onChange={(input) => setValue(active.name, normaliseTyped(active, input))}
          onDone={() => {
            touch(active.name);
            setActiveField(null);
          }}
        />
      )}
    </>
  );
}
