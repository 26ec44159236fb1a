import { useEffect, useState } from 'preact/hooks';
import type { MaterialReading } from '../../../../contract/platform/ocr-reading';
import { ColumnHeads } from '../../components/ColumnHeads';
import { useT } from '../../i18n/use-t';
import { useApi } from '../../state/api-context';
import { attempt } from '../actions';
import { localized } from '../../i18n';
import { catalogue, locale } from '../../state/store';
import { lineMarks, percent } from './reading-marks';
import './ocr.css';

/** The form's label for a field the service asks; else the label printed on the paper beside the value. */
function FieldName({ serviceCode, field, printed }: { serviceCode: string; field: string; printed: string }) {
  const known = catalogue.value?.items.find((i) => i.code === serviceCode)?.form.fields.find((f) => f.name === field);
  const label = known ? localized(locale.value, known.label) : { text: printed, lang: 'zh-CN' };
  return <span lang={label.lang}>{label.text}</span>;
}

/**
 * 识别结果: a scanned page with what OCR read from it, for the clerk at the desk and the back
 * office. The recognised lines are boxed over the image (in the pixels of the page as OCR saw
 * it, scaled with the image); each prefilled field names its source line and confidence, and a
 * field the citizen had to confirm is marked for checking in words, not by colour alone.
 * Choosing a field or a line outlines its box.
 */
export function OcrView({ caseId, sha256, serviceCode, reading }: { caseId: string; sha256: string; serviceCode: string; reading: MaterialReading }) {
  const t = useT();
  const api = useApi();
  const [image, setImage] = useState<string | null>(null);
  const [chosen, setChosen] = useState<number | null>(null);
  useEffect(() => {
    let live = true;
    void attempt(() => api.call('counter.material', { caseId, sha256 })).then((scan) => {
      if (live && scan && scan.contentType.startsWith('image/')) setImage(`data:${scan.contentType};base64,${scan.dataBase64}`);
    });
    return () => {
      live = false;
    };
  }, [api, caseId, sha256]);
  const marks = lineMarks(reading);
  const { width, height } = reading.image;
  return (
    <section class="ocr-view" data-testid="ocr-view" aria-label={t('deskOcr.title')}>
      <p class="ocr-summary">
        {t('deskOcr.summary', { engine: t(`deskOcr.engine.${reading.engine}`), confidence: percent(reading.confidence), lines: reading.lines.length })}
      </p>
      {reading.blank && (
        <p class="notice-line" data-testid="ocr-blank">
          {t('deskOcr.blank')}
        </p>
      )}
      <div class="ocr-columns">
        <figure class="ocr-page">
          {image ? (
            <div class="ocr-image">
              <img src={image} alt={t('counter.materialScan')} data-testid="ocr-image" />
              <svg viewBox={`0 0 ${width} ${height}`} preserveAspectRatio="none" aria-hidden="true" data-testid="ocr-boxes">
                {reading.lines.map((line, index) => (
                  <rect
                    key={index}
                    class={`ocr-box${marks[index]?.low ? ' low' : ''}${chosen === index ? ' chosen' : ''}`}
                    data-line={index}
                    x={line.box.x0}
                    y={line.box.y0}
                    width={Math.max(1, line.box.x1 - line.box.x0)}
                    height={Math.max(1, line.box.y1 - line.box.y0)}
                  />
                ))}
              </svg>
            </div>
          ) : (
            <p>{t('deskOcr.loadingImage')}</p>
          )}
          <figcaption>{t('deskOcr.boxesCaption')}</figcaption>
        </figure>
        <div class="ocr-text">
          {reading.fields.length > 0 && (
            <table class="ocr-fields" data-testid="ocr-fields">
              <caption>{t('deskOcr.fieldsTitle')}</caption>
              <ColumnHeads columns={['deskOcr.col.field', 'deskOcr.col.value', 'deskOcr.col.source', 'deskOcr.col.confidence']} />
              <tbody>
                {reading.fields.map((f) => (
                  <tr key={f.field} data-field={f.field} data-confirm={f.confirm} class={f.confirm ? 'confirm' : ''}>
                    <th scope="row">
                      <FieldName serviceCode={serviceCode} field={f.field} printed={f.label} />
                    </th>
                    <td>{f.value}</td>
                    <td>
                      <button type="button" class="button secondary small" aria-pressed={chosen === f.line} onClick={() => setChosen(chosen === f.line ? null : f.line)}>
                        {t('deskOcr.sourceLine', { line: f.line + 1 })}
                      </button>
                    </td>
                    <td>
                      {percent(f.confidence)}
                      {f.confirm && <strong class="ocr-confirm"> {t('deskOcr.confirm')}</strong>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <h4>{t('deskOcr.linesTitle')}</h4>
          <ol class="ocr-lines" data-testid="ocr-lines">
            {reading.lines.map((line, index) => (
              <li key={index} data-line={index} class={chosen === index ? 'chosen' : ''}>
                <button type="button" class="ocr-line" aria-pressed={chosen === index} onClick={() => setChosen(chosen === index ? null : index)}>
                  <span class="ocr-line-text">{line.text}</span> <span class="ocr-line-confidence">{percent(line.confidence)}</span>
                  {marks[index]?.low && <span class="ocr-low"> {t('deskOcr.lowLine')}</span>}
                  {marks[index]?.fields.length ? <span class="ocr-feeds"> {t('deskOcr.feeds', { count: marks[index]!.fields.length })}</span> : null}
                </button>
              </li>
            ))}
          </ol>
        </div>
      </div>
    </section>
  );
}
