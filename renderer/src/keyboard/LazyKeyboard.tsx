import { lazy } from '../components/lazy';
import type { OnScreenKeyboardProps } from './OnScreenKeyboard';

/** The keyboard and its pinyin dictionary are most of the UI's weight; they load when first needed. */
export const LazyKeyboard = lazy<OnScreenKeyboardProps>(
  async () => (await import('./OnScreenKeyboard')).OnScreenKeyboard,
  () => <div class="on-screen-keyboard" data-testid="keyboard-loading" />,
);
