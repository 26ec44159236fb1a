import type { CaseEvent } from '../../contract/platform/events';
import { isMobileNumber } from '../../contract/forms/phone';
import type { StoredRequest } from './stored-request';

/** The mobile number a case's notices go to: the applicant's own, else the form's; a landline gets none. */
export function citizenPhone(request: Pick<StoredRequest, 'applicant' | 'form'>): string | undefined {
  const phone = request.applicant.phone ?? request.form.phone;
  return isMobileNumber(phone) ? phone : undefined;
}

/**
 * The recipient of a just-published event's notice, handed by the service that had the request
 * open (intake) to the notice dispatcher, so that it does not read and decrypt the case again
 * for every case it is told of. Keyed by the event object itself: the number is never a field of
 * the event (which streams to desks and to the city's other processes), lives no longer than
 * the event in this process, and is taken (deleted) when the notice is sent.
 */
const recipients = new WeakMap<CaseEvent, string | null>();

export function handRecipient(event: CaseEvent, request: Pick<StoredRequest, 'applicant' | 'form'>): void {
  recipients.set(event, citizenPhone(request) ?? null);
}

/** The number handed with the event (null: the citizen gave none), or undefined when none was handed. */
export function takeRecipient(event: CaseEvent): string | null | undefined {
  const phone = recipients.get(event);
  recipients.delete(event);
  return phone;
}
