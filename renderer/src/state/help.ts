import { signal } from '@preact/signals';
import type { HelpView, TerminalApi } from '../../../contract/terminal/api';
import { screen } from './store';

/** 呼叫工作人员 on this machine: being sent, could not be sent, or the platform's view of the call. */
export type HelpState = { state: 'sending' } | { state: 'failed' } | HelpView;

export const help = signal<HelpState | null>(null);

export async function callForHelp(api: TerminalApi): Promise<void> {
  if (help.value?.state === 'sending' || help.value?.state === 'waiting') return;
  help.value = { state: 'sending' };
  try {
    help.value = await api.call('help.call', { screen: screen.value });
  } catch {
    help.value = { state: 'failed' };
  }
}

export async function cancelHelp(api: TerminalApi): Promise<void> {
  try {
    await api.call('help.cancel', {});
    if (help.value?.state === 'waiting') help.value = null;
  } catch {
    help.value = { state: 'failed' };
  }
}

/** The terminal tells the page when a desk takes the call (or it ends otherwise). */
export function helpChanged(view: HelpView): void {
  help.value = view.state === 'cancelled' ? null : view;
}
