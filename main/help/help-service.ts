import type { HelpCall } from '../../contract/platform/help';
import type { HelpView } from '../../contract/terminal/api';
import { ApiFailure } from '../api/dispatcher';
import type { EventBus } from '../api/event-bus';
import type { Logger } from '../logging/logger';
import type { PlatformClient } from '../sync/platform-client';

export interface HelpServiceDeps {
  client: Pick<PlatformClient, 'helpCall' | 'helpCallState' | 'cancelHelpCall'>;
  /** Where the machine stands, as the desks are told (config `terminal.location`); empty when not set. */
  location: string;
  events: Pick<EventBus, 'publish'>;
  log: Logger;
  /** How often an open call is asked after; small, so the kiosk hears within a second. */
  pollMs?: number;
}

function viewOf(call: HelpCall): HelpView {
  return { callId: call.id, state: call.state === 'open' ? 'waiting' : call.state === 'taken' ? 'coming' : 'cancelled', staffName: call.takenBy?.displayName ?? null };
}

/**
 * The kiosk's 呼叫工作人员: the call goes to the platform, which tells every desk of the
 * centre; while it is open the kiosk asks after it and tells the page when a staff member has
 * taken it. A platform that cannot be reached is an `unavailable` failure the page words plainly.
 */
export class HelpService {
  #open: HelpView | undefined;
  #timer: NodeJS.Timeout | undefined;

  constructor(private readonly deps: HelpServiceDeps) {}

  async call(screen: string): Promise<HelpView> {
    if (this.#open?.state === 'waiting') return this.#open;
    let call: HelpCall;
    try {
      call = await this.deps.client.helpCall({ location: this.deps.location, screen });
    } catch (error) {
      this.deps.log.warn({ err: error instanceof Error ? error.message : String(error), screen }, 'help call not sent');
      throw new ApiFailure('unavailable', 'the help call could not reach the platform');
    }
    this.deps.log.info({ callId: call.id, screen }, 'help called');
    this.#follow(viewOf(call));
    return viewOf(call);
  }

  async cancel(): Promise<void> {
    const open = this.#open;
    if (!open || open.state !== 'waiting') return;
    this.#stop();
    try {
      this.#publish(viewOf(await this.deps.client.cancelHelpCall(open.callId)));
    } catch (error) {
      // A staff member may have taken it a moment ago (409): the truth is the call's own state.
      this.deps.log.warn({ err: error instanceof Error ? error.message : String(error), callId: open.callId }, 'help call not cancelled');
      const state = await this.deps.client.helpCallState(open.callId).catch(() => undefined);
      if (!state) throw new ApiFailure('unavailable', 'the platform could not be reached to cancel the call');
      this.#publish(viewOf(state));
      if (state.state === 'open') this.#follow(viewOf(state));
    }
  }

  dispose(): void {
    this.#stop();
  }

  #follow(view: HelpView): void {
    this.#stop();
    this.#open = view;
    const poll = async () => {
      const state = await this.deps.client.helpCallState(view.callId).catch(() => undefined);
      if (this.#open?.callId !== view.callId) return;
      if (state && viewOf(state).state !== 'waiting') {
        this.#stop();
        this.#publish(viewOf(state));
        return;
      }
      this.#timer = setTimeout(() => void poll(), this.deps.pollMs ?? 300);
    };
    this.#timer = setTimeout(() => void poll(), this.deps.pollMs ?? 300);
  }

  #publish(view: HelpView): void {
    this.#open = view;
    this.deps.events.publish('help.changed', view);
  }

  #stop(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }
}
