import { useEffect } from 'preact/hooks';
import type { FormField, Material, ServiceItem } from '../../../contract/platform/catalogue';
import { isReadablePaper } from '../../../contract/terminal/readable-papers';
import type { CapturedPage, FieldProposalView, PageReading } from '../../../contract/terminal/capture-api';
import { prefillDisplay } from '../forms/FormScreen';
import { normaliseTyped } from '../forms/field-input';
import { localized } from '../i18n';
import { useT } from '../i18n/use-t';
import { useApi } from '../state/api-context';
import { CameraCapture } from '../capture/CameraCapture';
import {
  cameraChoice,
  capturedPages,
  capturingMaterial,
  deletePage,
  licenceState,
  materialNeed,
  pagesOf,
  photoPage,
  readPage,
  readingArrived,
  readings,
  refreshPages,
  retryable,
  scanFailure,
  scanPage,
  scannerPresent,
  scanning,
  usedProposals,
} from '../state/capture';
import { formValues, identity, locale, screen, terminalInfo } from '../state/store';
import { LicenceConsent } from './LicenceConsent';
import { ErrorPanel } from '../components/ErrorPanel';
import { maskIdNumber } from '../../../contract/identity/id-number';

function Name({ material }: { material: Material }) {
  const { text, lang } = localized(locale.value, material.name);
  return <span lang={lang}>{text}</span>;
}

function openCapture(code: string) {
  capturingMaterial.value = code;
  scanFailure.value = null;
  screen.value = 'capture';
}

/**
 * On the form's first page: papers the terminal can read into the form (a 居住证 for its
 * endorsement), offered before the citizen types what the paper already says.
 */
export function ReadablePapersSection({ item }: { item: ServiceItem }) {
  const t = useT();
  const papers = item.materials.filter((m) => materialNeed(m) === 'scan' && isReadablePaper(m.code));
  if (papers.length === 0) return null;
  return (
    <section class="materials-step" aria-labelledby="papers-first-title" data-testid="papers-first">
      <h2 id="papers-first-title">{t('capture.paperFirst')}</h2>
      <ul class="plain-list material-slots">
        {papers.map((m) => (
          <li key={m.code} class="material-slot" data-material={m.code} data-state={pagesOf(m.code).length > 0 ? 'scanned' : 'none'}>
            <span class="material-name">
              <Name material={m} />
            </span>
            <button type="button" class="button secondary" onClick={() => openCapture(m.code)}>
              {t('capture.readPaper')}
              <span class="visually-hidden">
                {' '}
                <Name material={m} />
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * The materials the service requires, on the review page before submitting: which the platform
 * already holds (电子证照), which to scan here and how many pages are scanned, which to bring.
 */
export function MaterialsSection({ item }: { item: ServiceItem }) {
  const t = useT();
  const api = useApi();
  useEffect(() => {
    void refreshPages(api).catch(() => undefined);
  }, [api]);
  if (item.materials.length === 0) return null;
  return (
    <section class="materials-step" aria-labelledby="materials-step-title" data-testid="materials">
      <h2 id="materials-step-title">{t('capture.materials')}</h2>
      <LicenceConsent item={item} />
      <ul class="plain-list material-slots">
        {item.materials.map((m) => {
          const need = materialNeed(m);
          const count = need === 'scan' ? pagesOf(m.code).length : 0;
          const licence = licenceState(m);
          return (
            <li key={m.code} id={`material-${m.code}`} class="material-slot" data-material={m.code} data-state={need === 'scan' ? (count > 0 ? 'scanned' : 'none') : need} data-licence={licence}>
              <span class="badge">{m.required ? t('guide.required') : t('guide.optional')}</span>
              <span class="material-name">
                <Name material={m} />
              </span>
              <span class="note">
                {need === 'electronic'
                  ? t('guide.electronicLicence')
                  : need === 'bring'
                    ? t('capture.bringToCounter')
                    : count > 0
                      ? t('capture.scannedPages', { count })
                      : t('capture.notScanned')}
              </span>
              {(licence === 'expired' || licence === 'missing' || licence === 'unavailable') && (
                <span class="note licence-note">{t(`licences.${licence}`)}</span>
              )}
              {need === 'scan' && (
                <button type="button" class="button secondary" onClick={() => openCapture(m.code)}>
                  {count > 0 ? t('capture.viewPages') : t('capture.scan')}
                  <span class="visually-hidden">
                    {' '}
                    <Name material={m} />
                  </span>
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function maskedIfId(field: FormField | undefined, proposal: FieldProposalView): string {
  const isId = field?.type === 'idNumber' || proposal.field === 'idNumber' || proposal.field.endsWith('.idNumber');
  return isId ? maskIdNumber(proposal.value) : proposal.value;
}

/** The form field a value read from paper would fill: same name, or the field the card would prefill. */
function targetField(item: ServiceItem, proposal: FieldProposalView): FormField | undefined {
  return item.form.fields.find((f) => f.name === proposal.field) ?? item.form.fields.find((f) => f.prefill === proposal.field);
}

function Proposals({ item, reading }: { item: ServiceItem; reading: PageReading }) {
  const t = useT();
  if (reading.blank) return <p class="note" data-testid="blank-page">{t('capture.blank')}</p>;
  if (reading.fields.length === 0) return <p class="note">{t('capture.noProposals')}</p>;
  return (
    <div class="proposals">
      <p>{t('capture.proposals')}</p>
      <ul class="plain-list">
        {reading.fields.map((proposal) => {
          const field = targetField(item, proposal);
          const fromCard = field !== undefined && prefillDisplay(field, identity.value) !== undefined;
          const key = `${reading.pageId}:${proposal.field}`;
          const used = usedProposals.value.has(key);
          const label = field ? localized(locale.value, field.label) : { text: proposal.label, lang: 'zh-CN' };
          return (
            <li key={proposal.field} class="proposal" data-field={proposal.field} data-confirm={proposal.confirm ? 'needed' : 'no'}>
              <span class="proposal-label" lang={label.lang}>
                {label.text}
              </span>
              <span class="proposal-value">{maskedIfId(field, proposal)}</span>
              <span class="note">{t('capture.confidence', { value: Math.round(proposal.confidence) })}</span>
              {proposal.confirm && (
                <span class="note proposal-check">
                  <span aria-hidden="true">⚠ </span>
                  {t('capture.confirmNeeded')}
                </span>
              )}
              {field && !fromCard && (
                <button
                  type="button"
                  class="button secondary"
                  aria-pressed={used}
                  onClick={() => {
                    formValues.value = { ...formValues.value, [field.name]: normaliseTyped(field, proposal.value) };
                    usedProposals.value = new Set([...usedProposals.value, key]);
                  }}
                >
                  {used ? t('capture.used') : proposal.confirm ? t('capture.confirmValue') : t('capture.useValue')}
                </button>
              )}
              {fromCard && <span class="note">{t('capture.fromCard')}</span>}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

function PageCard({ item, material, page, index, count }: { item: ServiceItem; material: Material; page: CapturedPage; index: number; count: number }) {
  const t = useT();
  const api = useApi();
  const name = localized(locale.value, material.name).text;
  const reading = readings.value[page.pageId];
  return (
    <li class="captured-page" data-page={index + 1}>
      <img class="page-preview" src={page.preview} alt={t('capture.previewAlt', { material: name, page: index + 1 })} />
      <div class="page-actions">
        <p class="page-number">{t('capture.pageOf', { page: index + 1, pages: count })}</p>
        <button type="button" class="button secondary" disabled={scanning.value} onClick={() => void scanPage(api, material.code, page.pageId)}>
          {t('capture.retake')}
        </button>
        <button type="button" class="button secondary" disabled={scanning.value} onClick={() => void deletePage(api, page.pageId).catch(() => refreshPages(api))}>
          {t('capture.deletePage')}
        </button>
        {reading === undefined && (
          <button type="button" class="button secondary" onClick={() => void readPage(api, page.pageId)}>
            {t('capture.read')}
          </button>
        )}
        {reading === 'reading' && (
          <p class="note" role="status">
            {t('capture.reading')}
          </p>
        )}
        {reading === 'failed' && <p class="note">{t('capture.readFailed')}</p>}
        {typeof reading === 'object' && <Proposals item={item} reading={reading} />}
      </div>
    </li>
  );
}

/** One material's pages: place the paper, scan, look at the preview, retake, add or delete pages. */
export function CaptureScreen({ item }: { item: ServiceItem }) {
  const t = useT();
  const api = useApi();
  useEffect(() => {
    void refreshPages(api).catch(() => undefined);
    return api.on('capture.read', readingArrived);
  }, [api]);
  const material = item.materials.find((m) => m.code === capturingMaterial.value);
  if (!material) return null;
  const pages = capturedPages.value.filter((p) => p.materialCode === material.code);
  const failure = scanFailure.value;
  return (
    <main class="screen capture-screen" aria-labelledby="capture-title" data-testid="capture">
      <p class="eyebrow">{t('capture.title')}</p>
      <h1 id="capture-title">
        <Name material={material} />
      </h1>
      {cameraChoice.value && (
        <CameraCapture choice={cameraChoice.value} busy={scanning.value} onPhoto={(jpeg) => photoPage(api, material.code, jpeg)} />
      )}
      {!cameraChoice.value && (
        <div class="scan-guidance">
          <div class="scanner-shape" aria-hidden="true" />
          <div>
            <p class="lead">{t('capture.place')}</p>
            <p>{t('capture.placeHint')}</p>
          </div>
        </div>
      )}
      {terminalInfo.value?.demo && <p class="note">{t('capture.demoScanner')}</p>}
      {failure && !scanning.value && (
        <ErrorPanel
          testId="scan-failed"
          message={`capture.failure.${failure.reason}`}
          nextStep={`capture.next.${failure.reason}`}
          retryLabel="capture.retake"
          onRetry={retryable(failure) ? () => void scanPage(api, failure.materialCode, failure.replacePageId) : undefined}
        />
      )}
      {scanning.value && (
        <p class="lead" role="status">
          {t('capture.scanning')}
        </p>
      )}
      {pages.length > 0 && (
        <ol class="plain-list captured-pages" aria-label={t('capture.pagesLabel')}>
          {pages.map((page, index) => (
            <PageCard key={page.pageId} item={item} material={material} page={page} index={index} count={pages.length} />
          ))}
        </ol>
      )}
      <div class="form-actions">
        <button type="button" class="button secondary main-action" onClick={() => (screen.value = 'form')}>
          {pages.length > 0 ? t('capture.done') : t('capture.back')}
        </button>
        {scannerPresent.value && (
          <button type="button" class="button primary main-action" disabled={scanning.value} onClick={() => void scanPage(api, material.code)}>
            {pages.length > 0 ? t('capture.addPage') : t('capture.scanNow')}
          </button>
        )}
      </div>
    </main>
  );
}
