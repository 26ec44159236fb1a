import type {
  ApiError,
  EventData,
  EventFrame,
  EventName,
  MethodArgs,
  MethodName,
  MethodResult,
  ResponseFrame,
  TerminalApi,
} from '../../../contract/terminal/api';

/** A failed call, with the terminal's error code for the UI to translate. */
export class TerminalApiError extends Error {
  constructor(readonly error: ApiError) {
    super(error.message);
    this.name = 'TerminalApiError';
  }
}

/** A transport moves frames; the client gives them the TerminalApi's types. */
export interface Transport {
  invoke(id: number, method: string, args: unknown): Promise<ResponseFrame>;
  onEvent(listener: (frame: EventFrame) => void): void;
}

export function createClient(transport: Transport): TerminalApi {
  let nextId = 1;
  const listeners = new Map<EventName, Set<(data: never) => void>>();
  transport.onEvent((frame) => {
    for (const listener of listeners.get(frame.event) ?? []) listener(frame.data as never);
  });
  return {
    async call<M extends MethodName>(method: M, args: MethodArgs<M>): Promise<MethodResult<M>> {
      const response = await transport.invoke(nextId++, method, args);
      if (!response.ok) throw new TerminalApiError(response.error);
      return response.result as MethodResult<M>;
    },
    on<E extends EventName>(event: E, listener: (data: EventData<E>) => void) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener as (data: never) => void);
      return () => set.delete(listener as (data: never) => void);
    },
  };
}
