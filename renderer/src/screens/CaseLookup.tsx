import { useState } from 'preact/hooks';
import { useT } from '../i18n/use-t';
import { useSpeak } from '../speech/use-speak';
import { LazyKeyboard } from '../keyboard/LazyKeyboard';
import { useApi } from '../state/api-context';
import { caseStatus, screen } from '../state/store';

type Field = 'caseNumber' | 'idLast4';

/** Look a case up by the receipt's QR code (handled app-wide) or by its number and the last 4 of the ID. */
export function CaseLookup() {
  const t = useT();
  const api = useApi();
  const [values, setValues] = useState<Record<Field, string>>({ caseNumber: '', idLast4: '' });
  const [active, setActive] = useState<Field | null>('caseNumber');
  const [notFound, setNotFound] = useState(false);
  useSpeak('lookup.title', 'lookup.scan', notFound && 'lookup.notFound');
  const search = async () => {
    try {
      caseStatus.value = await api.call('cases.lookup', { caseNumber: values.caseNumber, idLast4: values.idLast4 });
      screen.value = 'status';
    } catch {
      setNotFound(true);
    }
  };
  const input = (field: Field) => (
    <div class="field">
      <label class="field-label" for={`lookup-${field}`}>
        {t(field === 'caseNumber' ? 'lookup.caseNumber' : 'lookup.idLast4')}
      </label>
      <input
        id={`lookup-${field}`}
        class={`text-field${active === field ? ' active' : ''}`}
        inputMode="none"
        autocomplete="off"
        value={values[field]}
        onFocus={() => setActive(field)}
        onClick={() => setActive(field)}
        onInput={(e) => setValues({ ...values, [field]: (e.target as HTMLInputElement).value.toUpperCase() })}
      />
    </div>
  );
  return (
    <main class="screen form-screen" aria-labelledby="lookup-title">
      <h1 id="lookup-title">{t('lookup.title')}</h1>
      <p class="lead">{t('lookup.scan')}</p>
      <p>{t('lookup.or')}</p>
      {input('caseNumber')}
      {input('idLast4')}
      {notFound && (
        <p class="problem" role="alert">
          {t('lookup.notFound')}
        </p>
      )}
      <div class="form-actions">
        <button type="button" class="button secondary main-action" onClick={() => (screen.value = 'menu')}>
          {t('form.back')}
        </button>
        <button
          type="button"
          class="button primary main-action"
          disabled={values.caseNumber.length < 4 || !/^\d{3}[\dX]$/.test(values.idLast4)}
          onClick={() => void search()}
        >
          {t('lookup.search')}
        </button>
      </div>
      {active && (
        <LazyKeyboard
          mode={active === 'idLast4' ? 'idNumber' : 'letters'}
          value={values[active]}
          maxLength={active === 'idLast4' ? 4 : 32}
          onChange={(v) => {
            setNotFound(false);
            setValues({ ...values, [active]: v.toUpperCase() });
          }}
          onDone={() => setActive(active === 'caseNumber' ? 'idLast4' : null)}
        />
      )}
    </main>
  );
}
