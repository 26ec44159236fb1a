import { locale } from '../state/store';
import { translate, type MessageKey } from './index';

/** Components read the locale signal through this, so a switch re-renders every string. */
export function useT(): (key: MessageKey, params?: Record<string, string | number>) => string {
  const current = locale.value;
  return (key, params) => translate(current, key, params);
}
