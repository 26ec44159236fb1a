import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { TerminalApi } from '../../../contract/terminal/api';

export const ApiContext = createContext<TerminalApi | null>(null);

export function useApi(): TerminalApi {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi outside <ApiContext.Provider>');
  return api;
}
