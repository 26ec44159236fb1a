import { useEffect, useState } from 'preact/hooks';
import type { OnScreenKeyboardProps } from './OnScreenKeyboard';

type KeyboardComponent = (props: OnScreenKeyboardProps) => preact.JSX.Element;
let loaded: KeyboardComponent | undefined;

/**
 * The keyboard and its pinyin dictionary are most of the UI's weight; they load when a form
 * opens, so the attract screen and the menu stay light.
 */
export function LazyKeyboard(props: OnScreenKeyboardProps) {
  const [Keyboard, setKeyboard] = useState<KeyboardComponent | undefined>(() => loaded);
  useEffect(() => {
    if (Keyboard) return;
    void import('./OnScreenKeyboard').then((module) => {
      loaded = module.OnScreenKeyboard;
      setKeyboard(() => module.OnScreenKeyboard);
    });
  }, [Keyboard]);
  return Keyboard ? <Keyboard {...props} /> : <div class="on-screen-keyboard" data-testid="keyboard-loading" />;
}
