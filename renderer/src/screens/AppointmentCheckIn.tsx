import { useEffect, useState } from 'preact/hooks';
import type { CheckInView } from '../../../contract/terminal/visit-api';
import { TerminalApiError } from '../api/client';
import { useT } from '../i18n/use-t';
import type { MessageKey } from '../i18n/zh-CN';
import { useSpeak } from '../speech/use-speak';
import { useApi } from '../state/api-context';
import { catalogue, checkInCode, locale, screen } from '../state/store';
import { localized } from '../i18n';

const PROBLEMS: Record<string, MessageKey> = {
  'visits.noBooking': 'checkIn.noBooking',
  'visits.tooEarly': 'checkIn.tooEarly',
  'visits.needCard': 'checkIn.needCard',
};

function clock(isoTime: string): string {
  return new Date(isoTime).toLocaleTimeString('zh-CN', { hour: '2-digit', minute: '2-digit', hour12: false, timeZone: 'Asia/Shanghai' });
}

/** 预约签到: the booking of the card on the reader (or of the scanned code) becomes a queue number. */
export function AppointmentCheckIn() {
  const t = useT();
  const api = useApi();
  const [ticket, setTicket] = useState<CheckInView | null>(null);
  const [problem, setProblem] = useState<MessageKey | null>(null);
  useSpeak('checkIn.title', ticket ? 'checkIn.done' : problem);
  useEffect(() => {
    const code = checkInCode.value;
    checkInCode.value = null;
    api
      .call('visits.checkIn', code ? { code } : {})
      .then(setTicket)
      .catch((error: unknown) => {
        const reason = error instanceof TerminalApiError ? error.error.reason : undefined;
        setProblem((reason && PROBLEMS[reason]) || 'checkIn.unavailable');
      });
  }, [api]);
  const item = ticket && catalogue.value?.items.find((i) => i.code === ticket.serviceCode);
  const service = item ? localized(locale.value, item.name) : null;
  return (
    <main class="screen form-screen check-in" aria-labelledby="check-in-title">
      <h1 id="check-in-title">{t('checkIn.title')}</h1>
      {!ticket && !problem && (
        <p class="lead" role="status">
          {t('checkIn.working')}
        </p>
      )}
      {ticket && (
        <section data-testid="check-in-ticket" role="status">
          <p class="lead">{t('checkIn.done')}</p>
          <p class="ticket-number" data-testid="check-in-number">
            {ticket.number}
          </p>
          <dl>
            <dt>{t('checkIn.service')}</dt>
            <dd lang={service?.lang}>{service?.text ?? ticket.serviceCode}</dd>
            <dt>{t('checkIn.slot')}</dt>
            <dd>
              {clock(ticket.slotStart)}–{clock(ticket.slotEnd)}
            </dd>
            <dt>{t('checkIn.ahead')}</dt>
            <dd>{t('checkIn.aheadCount', { count: ticket.ahead })}</dd>
          </dl>
          <p>{t('checkIn.servedFirst')}</p>
        </section>
      )}
      {problem && (
        <p class="problem" role="alert">
          {t(problem)}
        </p>
      )}
      <div class="form-actions">
        <button type="button" class="button primary main-action" onClick={() => (screen.value = 'menu')}>
          {t('checkIn.back')}
        </button>
      </div>
    </main>
  );
}
