import { useEffect, useState } from 'preact/hooks';
import type { CaseLicences } from '../../../../contract/platform/licences';
import { useT } from '../../i18n/use-t';
import { useApi } from '../../state/api-context';
import { attempt } from '../actions';
import { MaterialName } from '../CaseReviewPanel';
import './licences.css';

type Entry = CaseLicences['licences'][number];

/** Where the licence stands, in the clerk's words: valid, or why the paper is needed. */
function stateOf(entry: Entry): { key: 'valid' | 'expired' | 'revoked' | 'not-found'; day?: string } {
  if (entry.problem === 'revoked') return { key: 'revoked', day: entry.licence?.revokedAt ?? '' };
  return { key: entry.problem ?? 'valid' };
}

/**
 * 电子证照 the case names, at the desk and in the back office: holder masked, number (masked
 * when it is an ID number), issuer, validity, whether the platform's signature verified, and
 * the document itself. Opening the case reads them once; the platform audits each reading.
 */
export function CaseLicencesView({ caseId, serviceCode }: { caseId: string; serviceCode: string }) {
  const t = useT();
  const api = useApi();
  const [found, setFound] = useState<CaseLicences | null | undefined>(undefined);
  useEffect(() => {
    let live = true;
    void attempt(() => api.call('counter.licences', { caseId })).then((answer) => live && setFound(answer ?? null));
    return () => {
      live = false;
    };
  }, [api, caseId]);
  if (found === undefined) return <p>{t('deskLicences.loading')}</p>;
  if (found === null) return null;
  if (found.licences.length === 0) return <p data-testid="desk-licences-none">{t('deskLicences.none')}</p>;
  return (
    <ul class="desk-licences" data-testid="desk-licences">
      {found.licences.map((entry, index) => {
        const state = stateOf(entry);
        const l = entry.licence;
        return (
          <li key={`${entry.materialCode}-${index}`} data-material={entry.materialCode} data-state={state.key}>
            <strong>
              <MaterialName serviceCode={serviceCode} code={entry.materialCode} />
            </strong>{' '}
            <span class={state.key === 'valid' ? '' : 'licence-problem'}>{t(`deskLicences.state.${state.key}`, state.day ? { day: state.day } : {})}</span>
            {l && (
              <dl class="case-facts">
                <dt>{t('deskLicences.number')}</dt>
                <dd>{l.number}</dd>
                <dt>{t('deskLicences.holder')}</dt>
                <dd data-testid="licence-holder">{l.holderMasked}</dd>
                <dt>{t('deskLicences.issuer')}</dt>
                <dd>{l.issuer}</dd>
                <dt>{t('deskLicences.validity')}</dt>
                <dd data-testid="licence-validity">{t('deskLicences.validRange', { from: l.validFrom, until: l.validUntil ?? t('deskLicences.openEnded') })}</dd>
                <dt>{t('deskLicences.document')}</dt>
                <dd>
                  <span data-testid="licence-verification">{t(`deskLicences.verification.${l.verification}`)}</span>{' '}
                  <a href={`data:${l.document.mediaType};base64,${l.document.base64}`} target="_blank" rel="noreferrer" download={`${l.type}.${l.document.mediaType === 'application/pdf' ? 'pdf' : 'img'}`}>
                    {t('deskLicences.document')}
                  </a>
                </dd>
              </dl>
            )}
          </li>
        );
      })}
    </ul>
  );
}
