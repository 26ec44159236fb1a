import { useEffect, useState } from 'preact/hooks';
import type { Collection, Pickup } from '../../../contract/platform/pickup';
import type { DrawnSignature } from '../../../contract/terminal/cycle-api';
import { useT } from '../i18n/use-t';
import { useApi } from '../state/api-context';
import { attempt, info } from './actions';
import { cardRead, pickupFor } from './counter-store';
import { ServiceName } from './QueuePanel';
import { SignaturePad } from './SignaturePad';

type FoundBy = 'id-card' | 'code' | 'case';

/** 好差评 right after the hand-over, tied to the case and to this collection visit. */
function RateCollection({ collection }: { collection: Collection }) {
  const t = useT();
  const api = useApi();
  const [rated, setRated] = useState<number | null>(null);
  if (rated !== null) return <p data-testid="pickup-rated">{t('cycle.rated', { level: t(`rate.level.${rated}` as 'rate.level.1') })}</p>;
  const rate = async (level: number) => {
    const reasons = level <= 2 ? (['long-wait'] as const) : (['efficient'] as const);
    let ok = true;
    for (const caseId of collection.caseIds) {
      ok = (await attempt(() => api.call('pickup.rate', { caseId, visitId: collection.visitId, level, reasons: [...reasons] }))) !== undefined && ok;
    }
    if (ok) setRated(level);
  };
  return (
    <fieldset class="rate-levels">
      <legend>{t('cycle.rateInvite')}</legend>
      {[5, 4, 3, 2, 1].map((level) => (
        <button key={level} type="button" class="button secondary" onClick={() => void rate(level)}>
          {t(`rate.level.${level}` as 'rate.level.1')}
        </button>
      ))}
    </fieldset>
  );
}

/** One pickup, or several of the same citizen handed over together (一口发证) against one signature. */
function HandOver({ pickups, foundBy, onDone }: { pickups: Pickup[]; foundBy: FoundBy; onDone: (c: Collection) => void }) {
  const t = useT();
  const api = useApi();
  const [collector, setCollector] = useState<'self' | 'agent'>('self');
  const [relation, setRelation] = useState('');
  const [authorisation, setAuthorisation] = useState<'written' | 'notarised'>('written');
  const [note, setNote] = useState('');
  const [signature, setSignature] = useState<DrawnSignature | null>(null);
  const [carrier, setCarrier] = useState('');
  const [tracking, setTracking] = useState('');
  const collect = async (e: Event) => {
    e.preventDefault();
    if (!signature) return info(t('cycle.signatureEmpty'));
    const who =
      collector === 'self'
        ? ({ kind: 'self' } as const)
        : ({ kind: 'agent-on-reader', relation, authorisation: { kind: authorisation, ...(note ? { note } : {}) } } as const);
    if (pickups.length > 1) {
      const batch = await attempt(() => api.call('pickup.collectBatch', { pickupIds: pickups.map((p) => p.pickupId), foundBy, collector: who, signature }));
      if (!batch) return;
      info(t('desk.collectedAll', { count: batch.caseIds.length }));
      // One rating for the visit: the first collection's visit ties it, each case is rated.
      return onDone({ ...batch.collections[0]!, caseIds: batch.caseIds });
    }
    const done = await attempt(() => api.call('pickup.collect', { pickupId: pickups[0]!.pickupId, foundBy, collector: who, signature }));
    if (done) {
      info(t('cycle.collected'));
      onDone(done);
    }
  };
  const post = async (e: Event) => {
    e.preventDefault();
    const done = await attempt(() => api.call('pickup.post', { pickupId: pickups[0]!.pickupId, carrier, trackingNumber: tracking }));
    if (done) {
      info(t('cycle.posted', { carrier, number: tracking }));
      onDone(done);
    }
  };
  return (
    <div class="pickup-handover">
      <form class="decision-form" onSubmit={(e) => void collect(e)} data-testid="pickup-collect">
        <fieldset>
          <legend>{t('cycle.collector')}</legend>
          <label>
            <input type="radio" name="collector" checked={collector === 'self'} onChange={() => setCollector('self')} /> {t('cycle.collector.self')}
          </label>
          <label>
            <input type="radio" name="collector" checked={collector === 'agent'} onChange={() => setCollector('agent')} /> {t('cycle.collector.agent')}
          </label>
        </fieldset>
        {collector === 'agent' && (
          <>
            <label>
              {t('cycle.agentRelation')}
              <input name="relation" required maxLength={30} value={relation} onInput={(e) => setRelation(e.currentTarget.value)} />
            </label>
            <label>
              {t('cycle.authorisation')}
              <select value={authorisation} onChange={(e) => setAuthorisation(e.currentTarget.value as 'written' | 'notarised')}>
                <option value="written">{t('cycle.authorisation.written')}</option>
                <option value="notarised">{t('cycle.authorisation.notarised')}</option>
              </select>
            </label>
            <label>
              {t('cycle.authorisationNote')}
              <input name="authorisationNote" maxLength={200} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
            </label>
          </>
        )}
        <h4>{t('cycle.signatureTitle')}</h4>
        <SignaturePad onChange={setSignature} />
        <button type="submit" class="button primary">
          {t('cycle.collect')}
        </button>
      </form>
      {pickups.length === 1 && (
      <form class="decision-form" onSubmit={(e) => void post(e)} data-testid="pickup-post">
        <h4>{t('cycle.postTitle')}</h4>
        <label>
          {t('cycle.carrier')}
          <input name="carrier" required maxLength={40} value={carrier} onInput={(e) => setCarrier(e.currentTarget.value)} />
        </label>
        <label>
          {t('cycle.trackingNumber')}
          <input name="tracking" required minLength={6} maxLength={40} value={tracking} onInput={(e) => setTracking(e.currentTarget.value)} />
        </label>
        <button type="submit" class="button secondary">
          {t('cycle.post')}
        </button>
      </form>
      )}
    </div>
  );
}

/** 一口发证 at any unified window: find what is ready by card, code or case number; hand it over. */
export function PickupPanel() {
  const t = useT();
  const api = useApi();
  const [code, setCode] = useState('');
  const [caseNumber, setCaseNumber] = useState('');
  const [found, setFound] = useState<{ pickups: Pickup[]; by: FoundBy } | null>(null);
  const [chosen, setChosen] = useState<Pickup[] | null>(null);
  const [collection, setCollection] = useState<Collection | null>(null);
  const show = (result: { pickups: Pickup[] } | undefined, by: FoundBy) => {
    if (!result) return;
    setCollection(null);
    setFound({ pickups: result.pickups, by });
    setChosen(result.pickups.length === 1 ? result.pickups : null);
    info(result.pickups.length === 0 ? t('cycle.nothingReady') : t('cycle.pickupFound', { count: result.pickups.length }));
  };
  // 发证 from a case (my cases, its panel): the pickup tab opens on it.
  const wanted = pickupFor.value;
  useEffect(() => {
    if (!wanted) return;
    pickupFor.value = null;
    setCaseNumber(wanted);
    void attempt(() => api.call('pickup.find', { by: 'case', caseId: wanted })).then((r) => show(r, 'case'));
  }, [api, wanted]);
  const chosenIds = new Set(chosen?.map((p) => p.pickupId) ?? []);
  return (
    <section class="counter-panel counter-pickup" aria-labelledby="pickup-title" data-testid="pickup">
      <h2 id="pickup-title">{t('cycle.pickupTitle')}</h2>
      <div class="decision-actions">
        <button
          type="button"
          class="button primary"
          disabled={!cardRead.value}
          onClick={() => void attempt(() => api.call('pickup.findByCard', {})).then((r) => show(r, 'id-card'))}
        >
          {t('cycle.findByCard')}
        </button>
      </div>
      <form class="reveal-form" onSubmit={(e) => (e.preventDefault(), void attempt(() => api.call('pickup.find', { by: 'code', code })).then((r) => show(r, 'code')))}>
        <label>
          {t('cycle.pickupCode')}
          <input name="code" inputMode="numeric" pattern="\d{6}" required value={code} onInput={(e) => setCode(e.currentTarget.value.trim())} />
        </label>
        <button type="submit" class="button secondary small">
          {t('cycle.findByCode')}
        </button>
      </form>
      <form
        class="reveal-form"
        onSubmit={(e) => (e.preventDefault(), void attempt(() => api.call('pickup.find', { by: 'case', caseId: caseNumber })).then((r) => show(r, 'case')))}
      >
        <label>
          {t('cycle.caseNumber')}
          <input name="caseNumber" required value={caseNumber} onInput={(e) => setCaseNumber(e.currentTarget.value.trim())} />
        </label>
        <button type="submit" class="button secondary small">
          {t('cycle.findByCase')}
        </button>
      </form>
      {found && found.pickups.length === 0 && <p>{t('cycle.nothingReady')}</p>}
      {found?.pickups.map((pickup) => (
        <article key={pickup.pickupId} class="pickup" data-testid="pickup-result" aria-current={chosenIds.has(pickup.pickupId)}>
          <h3>{t('cycle.pickupOf', { name: pickup.applicantMasked.name, idNumber: pickup.applicantMasked.idNumber })}</h3>
          <ul>
            {pickup.cases
              .filter((c) => c.result.decisionText)
              .map((c) => (
                <li key={c.caseId}>
                  <ServiceName code={c.serviceCode} />：{c.result.decisionText}
                  {c.result.documentNumber && <> · {t('cycle.resultNumber', { number: c.result.documentNumber })}</>}
                </li>
              ))}
          </ul>
          {!chosenIds.has(pickup.pickupId) && (
            <button type="button" class="button secondary small" onClick={() => setChosen([pickup])}>
              {t('cycle.choose')}
            </button>
          )}
        </article>
      ))}
      {found && found.pickups.length > 1 && !collection && (
        <button type="button" class="button primary" data-testid="pickup-all" onClick={() => setChosen(found.pickups)}>
          {t('desk.collectAll', { count: found.pickups.reduce((n, p) => n + p.cases.filter((c) => c.result.decisionText).length, 0) })}
        </button>
      )}
      {chosen && !collection && found && (
        <HandOver key={chosen.map((p) => p.pickupId).join()} pickups={chosen} foundBy={found.by} onDone={setCollection} />
      )}
      {collection && <RateCollection collection={collection} />}
    </section>
  );
}
