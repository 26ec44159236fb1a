import type { Identity } from '../../contract/identity';
import type { CheckInAnswer, CheckInRequest } from '../../contract/platform/visits';
import type { CheckInView } from '../../contract/terminal/visit-api';
import { errorMessage } from '../../common/errors';
import { ApiFailure } from '../api/dispatcher';
import type { Logger } from '../logging/logger';
import { PlatformHttpError } from '../platform-link/errors';

export interface CheckInDeps {
  checkIn(request: CheckInRequest): Promise<CheckInAnswer>;
  identity: () => Identity | undefined;
  session: () => { id: string } | undefined;
  log: Logger;
}

/**
 * 预约签到 at the kiosk: the card on the reader (its ID number goes to the platform and nowhere
 * else) or the booking's code. The platform's refusal becomes a reason the page words for the
 * citizen: no booking to check in now, or too early.
 */
export class AppointmentCheckIn {
  constructor(private readonly deps: CheckInDeps) {}

  async checkIn(code?: string): Promise<CheckInView> {
    if (!this.deps.session()) throw new ApiFailure('not-allowed', 'no citizen session');
    const idNumber = this.deps.identity()?.idNumber;
    if (!code && !idNumber) throw new ApiFailure('bad-request', 'check-in needs the ID card on the reader or the booking code', { code: 'visits.needCard' });
    let answer: CheckInAnswer;
    try {
      answer = await this.deps.checkIn(code ? { code } : { idNumber: idNumber! });
    } catch (error) {
      this.deps.log.warn({ by: code ? 'code' : 'card', error: errorMessage(error) }, 'check-in refused or failed');
      if (error instanceof PlatformHttpError && error.status === 404) throw new ApiFailure('not-allowed', 'no booking to check in now', { code: 'visits.noBooking' });
      if (error instanceof PlatformHttpError && error.status === 409) throw new ApiFailure('not-allowed', 'the booking is for later', { code: 'visits.tooEarly' });
      throw new ApiFailure('unavailable', 'the platform could not be reached to check in', { code: 'visits.unavailable' });
    }
    this.deps.log.info({ number: answer.ticket.number, serviceCode: answer.ticket.serviceCode }, 'appointment checked in');
    return {
      number: answer.ticket.number,
      serviceCode: answer.ticket.serviceCode,
      slotStart: answer.appointment.slotStart,
      slotEnd: answer.appointment.slotEnd,
      ahead: answer.ticket.ahead,
      estimatedWaitMinutes: answer.ticket.estimatedWaitMinutes,
    };
  }
}
