import { batch, signal } from '@preact/signals';
import type { Catalogue } from '../../../contract/platform/catalogue';
import type { FormValues } from '../../../contract/forms/validate';
import type { IdentityView, Locale, SessionEndReason, SessionInfo, TerminalApi, TerminalInfo } from '../../../contract/terminal/api';

export type Screen = 'loading' | 'unavailable' | 'attract' | 'menu' | 'guide' | 'form' | 'setup-pin' | 'setup';

export const terminalInfo = signal<TerminalInfo | null>(null);
export const screen = signal<Screen>('loading');
export const locale = signal<Locale>('zh-CN');
export const largeType = signal(false);
export const catalogue = signal<Catalogue | null>(null);
export const session = signal<SessionInfo | null>(null);
export const idleSecondsLeft = signal<number | null>(null);
export const selectedService = signal<string | null>(null);
export const selectedCategory = signal<string | null>(null);
export const identity = signal<IdentityView | null>(null);
/** The citizen's answers: personal data, held only for the session and wiped with it. */
export const formValues = signal<FormValues>({});
export const formPage = signal(0);
export const touchedFields = signal<ReadonlySet<string>>(new Set());
/** A short message for whoever stands at the machine (a card to place again, …). */
export const notice = signal<'notice.placeAgain' | 'notice.unreadable' | 'notice.expired' | 'notice.readerError' | null>(null);

/**
 * Everything tied to one citizen goes back to the terminal's defaults: the next person at the
 * machine starts from a clean screen in the configured language and type size.
 */
export function wipeSession(): void {
  const info = terminalInfo.value;
  batch(() => {
    session.value = null;
    idleSecondsLeft.value = null;
    selectedService.value = null;
    selectedCategory.value = null;
    identity.value = null;
    notice.value = null;
    formValues.value = {};
    formPage.value = 0;
    touchedFields.value = new Set();
    if (info) {
      locale.value = info.locale;
      largeType.value = info.largeType;
    }
    screen.value = 'attract';
  });
}

/** A session begins in the terminal (a touch, a card, a code); the page follows its event. */
export function sessionBegan(info: SessionInfo): void {
  if (session.value?.id === info.id) return;
  batch(() => {
    session.value = info;
    idleSecondsLeft.value = null;
    notice.value = null;
    screen.value = 'menu';
  });
}

export async function beginSession(api: TerminalApi, via: 'touch' | 'idcard' | 'qr'): Promise<void> {
  sessionBegan(await api.call('session.begin', { via }));
}

export function startForm(serviceCode: string): void {
  batch(() => {
    selectedService.value = serviceCode;
    formValues.value = {};
    formPage.value = 0;
    touchedFields.value = new Set();
    screen.value = 'form';
  });
}

export async function endSession(api: TerminalApi, reason: SessionEndReason): Promise<void> {
  await api.call('session.end', { reason });
  wipeSession();
}
