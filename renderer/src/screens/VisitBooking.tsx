import { useEffect, useState } from 'preact/hooks';
import { shanghaiIsoDate } from '../../../contract/dates/shanghai-day';
import { isMobileNumber } from '../../../contract/forms/phone';
import type { Slot } from '../../../contract/platform/visits';
import type { KioskBookingView, TakenNumberView } from '../../../contract/terminal/visit-api';
import { TerminalApiError } from '../api/client';
import { useT } from '../i18n/use-t';
import type { MessageKey } from '../i18n/zh-CN';
import { LazyKeyboard } from '../keyboard/LazyKeyboard';
import { useSpeak } from '../speech/use-speak';
import { useApi } from '../state/api-context';
import { catalogue, locale, screen, selectedService } from '../state/store';
import { localized } from '../i18n';
import { MAX_VISIT_SERVICES } from '../../../contract/platform/visit-limits';

const PROBLEMS: Record<string, MessageKey> = {
  'visits.slotFull': 'booking.slotFull',
  'visits.alreadyBooked': 'booking.alreadyBooked',
  'visits.noSlots': 'booking.noSlots',
  'visits.needCard': 'checkIn.needCard',
  'visits.badServices': 'booking.badServices',
};
const DAYS = 7;

function clock(isoTime: string): string {
  return new Date(isoTime).toLocaleTimeString('zh-CN', { hour: '2-digit', minute: '2-digit', hour12: false, timeZone: 'Asia/Shanghai' });
}

function problemOf(error: unknown): MessageKey {
  const reason = error instanceof TerminalApiError ? error.error.reason : undefined;
  return (reason && PROBLEMS[reason]) || 'checkIn.unavailable';
}

function ServiceLabel({ code }: { code: string }) {
  const item = catalogue.value?.items.find((i) => i.code === code);
  if (!item) return <span>{code}</span>;
  const name = localized(locale.value, item.name);
  return <span lang={name.lang}>{name.text}</span>;
}

/** 一次办多件: other services to handle in the same visit, chosen as toggles; at most five in all. */
function AlsoServices({ serviceCode, chosen, onChange }: { serviceCode: string; chosen: string[]; onChange: (next: string[]) => void }) {
  const t = useT();
  const others = catalogue.value?.items.filter((i) => i.kind !== 'bundle' && i.code !== serviceCode) ?? [];
  if (others.length === 0) return null;
  const full = chosen.length >= MAX_VISIT_SERVICES - 1;
  const toggle = (code: string) => onChange(chosen.includes(code) ? chosen.filter((c) => c !== code) : [...chosen, code]);
  return (
    <fieldset class="also-services">
      <legend>{t('booking.alsoServices', { max: MAX_VISIT_SERVICES })}</legend>
      <div class="categories" role="group">
        {others.map((item) => {
          const on = chosen.includes(item.code);
          return (
            <button type="button" key={item.code} class="button chip" aria-pressed={on} disabled={!on && full} onClick={() => toggle(item.code)} data-also-service={item.code}>
              <ServiceLabel code={item.code} />
            </button>
          );
        })}
      </div>
      {full && <p>{t('booking.alsoFull', { max: MAX_VISIT_SERVICES })}</p>}
    </fieldset>
  );
}

/** 预约 or 取号 for the chosen service: a number for now, or a slot of the coming days for the card on the reader. */
export function VisitBooking() {
  const t = useT();
  const api = useApi();
  const serviceCode = selectedService.value;
  const days = Array.from({ length: DAYS }, (_, i) => shanghaiIsoDate(Date.now() + i * 86_400_000));
  const [day, setDay] = useState(days[0]!);
  const [slots, setSlots] = useState<Slot[] | null>(null);
  const [slot, setSlot] = useState<string | null>(null);
  const [phone, setPhone] = useState('');
  const [typing, setTyping] = useState(false);
  const [booked, setBooked] = useState<KioskBookingView | null>(null);
  const [taken, setTaken] = useState<TakenNumberView | null>(null);
  const [problem, setProblem] = useState<MessageKey | null>(null);
  /** More services for the same visit: one number, handled at one window in one go. */
  const [also, setAlso] = useState<string[]>([]);
  useSpeak('booking.title', booked ? 'booking.done' : taken ? 'booking.taken' : problem);
  useEffect(() => {
    if (!serviceCode) return;
    setSlots(null);
    setSlot(null);
    api
      .call('visits.slots', { serviceCode, date: day })
      .then((list) => setSlots(list.filter((s) => s.free > 0)))
      .catch((error: unknown) => setProblem(problemOf(error)));
  }, [api, serviceCode, day]);
  if (!serviceCode) return null;
  const phoneOk = isMobileNumber(phone);
  const act = async (what: 'book' | 'take') => {
    setProblem(null);
    try {
      if (what === 'take') setTaken(await api.call('visits.takeNumber', { serviceCode, ...(also.length ? { alsoServices: also } : {}), ...(phoneOk ? { phone } : {}) }));
      else if (slot) setBooked(await api.call('visits.book', { serviceCode, slotStart: slot, phone }));
    } catch (error) {
      setProblem(problemOf(error));
    }
  };
  const back = (
    <div class="form-actions">
      <button type="button" class="button secondary main-action" onClick={() => (screen.value = 'guide')}>
        {t('checkIn.back')}
      </button>
    </div>
  );
  if (booked || taken) {
    return (
      <main class="screen form-screen visit-booking" aria-labelledby="booking-title">
        <h1 id="booking-title">{t('booking.title')}</h1>
        <section role="status" data-testid={booked ? 'booking-done' : 'number-taken'}>
          <p class="lead">{t(booked ? 'booking.done' : 'booking.taken')}</p>
          {taken && (
            <>
              <p class="ticket-number" data-testid="taken-number">
                {taken.number}
              </p>
              {taken.services.length > 1 && (
                <>
                  <p>{t('booking.visitServices', { count: taken.services.length })}</p>
                  <ol class="visit-services" data-testid="taken-services">
                    {taken.services.map((code) => (
                      <li key={code}>
                        <ServiceLabel code={code} />
                      </li>
                    ))}
                  </ol>
                </>
              )}
              <p>
                {t('checkIn.ahead')} {t('checkIn.aheadCount', { count: taken.ahead })}
              </p>
              <p>{t(taken.printed ? 'booking.printed' : 'booking.notPrinted')}</p>
            </>
          )}
          {booked && (
            <dl>
              <dt>{t('checkIn.slot')}</dt>
              <dd>
                {booked.slotStart.slice(0, 10)} {clock(booked.slotStart)}–{clock(booked.slotEnd)}
              </dd>
              <dt>{t('booking.code')}</dt>
              <dd data-testid="kiosk-booking-code">{booked.code}</dd>
              <dt>{t('booking.phone')}</dt>
              <dd>{booked.phoneMasked}</dd>
            </dl>
          )}
        </section>
        {back}
      </main>
    );
  }
  return (
    <main class="screen form-screen visit-booking" aria-labelledby="booking-title">
      <h1 id="booking-title">{t('booking.title')}</h1>
      <div class="field">
        <label class="field-label" for="booking-phone">
          {t('booking.phone')}
        </label>
        <input
          id="booking-phone"
          class={`text-field${typing ? ' active' : ''}`}
          inputMode="none"
          autocomplete="off"
          value={phone}
          onFocus={() => setTyping(true)}
          onClick={() => setTyping(true)}
          onInput={(e) => setPhone((e.target as HTMLInputElement).value)}
        />
      </div>
      <AlsoServices serviceCode={serviceCode} chosen={also} onChange={setAlso} />
      <button type="button" class="button primary main-action" onClick={() => void act('take')} data-take-number>
        {also.length ? t('booking.takeNowMany', { count: also.length + 1 }) : t('booking.takeNow')}
      </button>
      <h2>{t('booking.later')}</h2>
      <div class="categories" role="group" aria-label={t('booking.day')}>
        {days.map((d) => (
          <button type="button" key={d} class="button chip" aria-pressed={d === day} onClick={() => setDay(d)}>
            {d.slice(5)}
          </button>
        ))}
      </div>
      <div class="categories" role="group" aria-label={t('checkIn.slot')}>
        {slots?.length === 0 && <p>{t('booking.noSlots')}</p>}
        {slots?.map((s) => (
          <button type="button" key={s.start} class="button chip" aria-pressed={slot === s.start} onClick={() => setSlot(s.start)}>
            {clock(s.start)}（{t('booking.free', { count: s.free })}）
          </button>
        ))}
      </div>
      {problem && (
        <p class="problem" role="alert">
          {t(problem)}
        </p>
      )}
      <div class="form-actions">
        <button type="button" class="button secondary main-action" onClick={() => (screen.value = 'guide')}>
          {t('checkIn.back')}
        </button>
        <button type="button" class="button primary main-action" disabled={!slot || !phoneOk} onClick={() => void act('book')}>
          {t('booking.confirm')}
        </button>
      </div>
      {typing && <LazyKeyboard mode="numeric" value={phone} maxLength={11} onChange={setPhone} onDone={() => setTyping(false)} />}
    </main>
  );
}
