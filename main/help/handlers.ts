import type { Handlers } from '../api/dispatcher';
import { ApiFailure } from '../api/dispatcher';
import type { HelpService } from './help-service';

type HelpMethod = Extract<keyof Handlers, `help.${string}`>;

/** 呼叫工作人员; a terminal with no citizens (a counter) refuses it. */
export function helpHandlers(service: HelpService | undefined): Pick<Handlers, HelpMethod> {
  const help = (): HelpService => {
    if (!service) throw new ApiFailure('unavailable', 'this terminal cannot call staff');
    return service;
  };
  return {
    'help.call': ({ screen }) => help().call(screen),
    'help.cancel': async () => {
      await help().cancel();
      return { ok: true };
    },
  };
}
