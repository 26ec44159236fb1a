import type { IdCardSimulator } from '../../drivers/idcard/simulator';
import type { Handlers } from '../api/dispatcher';
import { ApiFailure, provided } from '../api/dispatcher';

type DemoMethod = Extract<keyof Handlers, `demo.${string}`>;

/**
 * The `demo.*` methods: the demo panel's fictional cards, placed on and taken off the simulated
 * reader by touch. A terminal with a real reader lists none and places none.
 */
export function demoHandlers(simulator: () => IdCardSimulator | undefined): Pick<Handlers, DemoMethod> {
  const running = (): IdCardSimulator => provided(simulator(), 'unavailable', 'this terminal has no simulated ID-card reader')();
  return {
    'demo.cards': () => (simulator()?.listCards() ?? []).map((card) => ({ id: card.id, label: card.face.name, kind: card.face.kind })),
    'demo.placeCard': ({ cardId }) => {
      const reader = running();
      if (!reader.listCards().some((card) => card.id === cardId)) throw new ApiFailure('bad-request', `no demo card "${cardId}"`);
      reader.place(cardId);
      return { ok: true };
    },
    'demo.removeCard': () => {
      running().remove();
      return { ok: true };
    },
  };
}
