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
}

function viewOf(call: HelpCall): HelpView {
  return { callId: call.id, state: call.state === 'open' ? 'waiting' : call.state === 'taken' ? 'coming' : 'cancelled', staffName: call.takenBy?.displayName ?? null };
}

/**
 * The kiosk's 呼叫工作人员: the call goes to the platform, which tells every desk of the
 * centre. The kiosk hears what becomes of its call on the event stream its status feed already
 * follows (`heard`), not by asking: a help event is a live signal, so each time that stream
 * (re)opens the kiosk asks once after a call still waiting (`streamOpened`). A platform that
 * cannot be reached is an `unavailable` failure the page words plainly.
 */
export class HelpService {
  #open: HelpView | undefined;
  /** The last change heard, kept for the moment a take arrives before the call's own answer. */
  #lastHeard: HelpCall | undefined;

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
    const early = this.#lastHeard?.id === call.id && this.#lastHeard.state !== 'open' ? this.#lastHeard : undefined;
    this.#open = viewOf(call);
    if (early) this.#publish(viewOf(early));
    return viewOf(call);
  }

  async cancel(): Promise<void> {
    const open = this.#open;
    if (!open || open.state !== 'waiting') return;
    try {
      this.#publish(viewOf(await this.deps.client.cancelHelpCall(open.callId)));
    } catch (error) {
      // A staff member may have taken it a moment ago (409): the truth is the call's own state.
      this.deps.log.warn({ err: error instanceof Error ? error.message : String(error), callId: open.callId }, 'help call not cancelled');
      const state = await this.deps.client.helpCallState(open.callId).catch(() => undefined);
      if (!state) throw new ApiFailure('unavailable', 'the platform could not be reached to cancel the call');
      this.#publish(viewOf(state));
    }
  }

  /** A help call of this terminal changed on the platform, as the event stream tells it. */
  heard(call: HelpCall): void {
    this.#lastHeard = call;
    if (this.#open?.callId !== call.id || this.#open.state !== 'waiting') return;
    const view = viewOf(call);
    if (view.state !== 'waiting') this.#publish(view);
  }

  /** The event stream (re)opened: a take sent while it was down is not on it, so ask once. */
  async streamOpened(): Promise<void> {
    const open = this.#open;
    if (open?.state !== 'waiting') return;
    const state = await this.deps.client.helpCallState(open.callId).catch(() => undefined);
    if (state) this.heard(state);
  }

  dispose(): void {
    this.#open = undefined;
    this.#lastHeard = undefined;
  }

  #publish(view: HelpView): void {
    this.#open = view;
    this.deps.events.publish('help.changed', view);
  }
}
