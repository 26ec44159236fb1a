import { batch, signal } from '@preact/signals';
import type { Catalogue } from '../../../contract/platform/catalogue';
import { submittedValues, type FormValues } from '../../../contract/forms/validate';
import type { ServiceItem } from '../../../contract/platform/catalogue';
import type {
  CaseReceiptView,
  CaseStatusView,
  AgentCardView,
  IdentityView,
  Locale,
  SessionEndReason,
  SessionInfo,
  TerminalApi,
  TerminalInfo,
} from '../../../contract/terminal/api';
import { wipeCapture } from './capture';

export type Screen =
  | 'loading'
  | 'unavailable'
  | 'attract'
  | 'menu'
  | 'guide'
  | 'form'
  | 'certificate'
  | 'capture'
  | 'confirmation'
  | 'lookup'
  | 'status'
  | 'check-in'
  | 'visit-booking'
  | 'setup-pin'
  | 'setup';

export const terminalInfo = signal<TerminalInfo | null>(null);
/** A booking code scanned from its QR code, for the check-in screen to send (then cleared). */
export const checkInCode = signal<string | null>(null);
export const screen = signal<Screen>('loading');
export const locale = signal<Locale>('zh-CN');
export const largeType = signal(false);
/** The citizen's own choice of read-aloud (语音播报) this session; null follows the type size. */
export const readAloudChoice = signal<boolean | null>(null);
export const catalogue = signal<Catalogue | null>(null);
export const session = signal<SessionInfo | null>(null);
export const idleSecondsLeft = signal<number | null>(null);
/** Seconds left to put the card back on the reader; null while it is there (or never was). */
export const cardAwaySeconds = signal<number | null>(null);
/** Why the last session ended, said on the attract screen until the next one begins. */
export const lastEndReason = signal<SessionEndReason | null>(null);
/** 修改 on the review page: the citizen goes to one field's page and comes straight back. */
export const editingFromReview = signal(false);
export const selectedService = signal<string | null>(null);
export const selectedCategory = signal<string | null>(null);
export const identity = signal<IdentityView | null>(null);
/** 代办: how the reading of the agent's own card stands, with the agent masked once read. */
export const agentCard = signal<AgentCardView | null>(null);
/** The citizen's answers: personal data, held only for the session and wiped with it. */
export const formValues = signal<FormValues>({});
export const formPage = signal(0);
export const touchedFields = signal<ReadonlySet<string>>(new Set());
export const lastReceipt = signal<CaseReceiptView | null>(null);
export const caseStatus = signal<CaseStatusView | null>(null);
/** A short message for whoever stands at the machine (a card to place again, …). */
export const notice = signal<'notice.placeAgain' | 'notice.unreadable' | 'notice.expired' | 'notice.readerError' | 'notice.caseNotFound' | null>(null);

/**
 * Everything tied to one citizen goes back to the terminal's defaults: the next person at the
 * machine starts from a clean screen in the configured language and type size.
 */
export function wipeSession(reason: SessionEndReason): void {
  const info = terminalInfo.value;
  batch(() => {
    session.value = null;
    lastEndReason.value = reason;
    idleSecondsLeft.value = null;
    cardAwaySeconds.value = null;
    editingFromReview.value = false;
    selectedService.value = null;
    selectedCategory.value = null;
    identity.value = null;
    agentCard.value = null;
    notice.value = null;
    lastReceipt.value = null;
    caseStatus.value = null;
    formValues.value = {};
    formPage.value = 0;
    touchedFields.value = new Set();
    wipeCapture();
    if (info) {
      locale.value = info.locale;
      largeType.value = info.largeType;
    }
    readAloudChoice.value = null;
    screen.value = 'attract';
  });
}

/** A session begins in the terminal (a touch, a card, a code); the page follows its event. */
export function sessionBegan(info: SessionInfo): void {
  if (session.value?.id === info.id) return;
  batch(() => {
    session.value = info;
    idleSecondsLeft.value = null;
    cardAwaySeconds.value = null;
    lastEndReason.value = null;
    notice.value = null;
    screen.value = 'menu';
  });
}

export async function beginSession(api: TerminalApi, via: 'touch' | 'idcard' | 'qr'): Promise<void> {
  sessionBegan(await api.call('session.begin', { via }));
}

export function startForm(serviceCode: string): void {
  const certificate = catalogue.value?.items.find((i) => i.code === serviceCode)?.kind === 'certificate';
  batch(() => {
    selectedService.value = serviceCode;
    if (certificate) {
      screen.value = 'certificate';
      return;
    }
    formValues.value = {};
    formPage.value = 0;
    touchedFields.value = new Set();
    editingFromReview.value = false;
    screen.value = 'form';
  });
}

export async function endSession(api: TerminalApi, reason: SessionEndReason): Promise<void> {
  await api.call('session.end', { reason });
  wipeSession(reason);
}

/**
 * Sends the answers the citizen gave; fields prefilled from the card are filled in by the
 * terminal, which holds the identity, so the page never handles a full ID number.
 */
export async function submitCase(api: TerminalApi, item: ServiceItem): Promise<void> {
  const receipt = await api.call('cases.submit', { serviceCode: item.code, values: submittedValues(item.form, formValues.value) });
  batch(() => {
    lastReceipt.value = receipt;
    formValues.value = {};
    touchedFields.value = new Set();
    screen.value = 'confirmation';
  });
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const STATUS_PAGE = /\/status\/([2-9A-HJ-NP-Z]{16})(?![0-9A-Z])/;

/**
 * A receipt's QR code is the platform's status page address with the receipt's code; older
 * slips carry the case id. Whatever else the payload says, one of those two is what counts.
 */
/** A booking's QR code carries its 12-letter check-in code and nothing else. */
const BOOKING_CODE = /^[2-9A-Z]{12}$/;

export async function lookUpScannedCase(api: TerminalApi, payload: string): Promise<boolean> {
  if (BOOKING_CODE.test(payload.trim())) {
    if (!session.value) sessionBegan(await api.call('session.begin', { via: 'qr' }));
    checkInCode.value = payload.trim();
    screen.value = 'check-in';
    return true;
  }
  const statusCode = STATUS_PAGE.exec(payload)?.[1];
  const caseId = UUID.exec(payload)?.[0]?.toLowerCase();
  if (!statusCode && !caseId) return false;
  if (!session.value) sessionBegan(await api.call('session.begin', { via: 'qr' }));
  caseStatus.value = await api.call('cases.lookup', statusCode ? { statusCode } : { caseId: caseId as string });
  screen.value = 'status';
  return true;
}
