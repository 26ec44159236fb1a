import { useEffect, useRef } from 'preact/hooks';
import Keyboard from 'simple-keyboard';
import 'simple-keyboard/build/css/index.css';
import { useT } from '../i18n/use-t';
import { layouts, pinyinCandidates, type KeyboardMode } from './layouts';

export interface OnScreenKeyboardProps {
  mode: KeyboardMode;
  value: string;
  maxLength?: number;
  onChange: (value: string) => void;
  onDone: () => void;
}

/**
 * simple-keyboard bound to one field at a time: its Chinese layout's candidate box is the
 * pinyin input, so typing "zhang" offers 张 without a hand-made IME.
 */
export function OnScreenKeyboard({ mode, value, maxLength, onChange, onDone }: OnScreenKeyboardProps) {
  const t = useT();
  const host = useRef<HTMLDivElement>(null);
  const keyboard = useRef<Keyboard | null>(null);
  const latest = useRef({ onChange, onDone, pinyin: mode === 'pinyin' });
  latest.current = { onChange, onDone, pinyin: latest.current.pinyin };

  useEffect(() => {
    if (!host.current) return;
    latest.current.pinyin = mode === 'pinyin';
    const instance = new Keyboard(host.current, {
      layout: layouts[mode],
      layoutName: 'default',
      display: {
        '{bksp}': t('keyboard.delete'),
        '{enter}': t('keyboard.done'),
        '{space}': t('keyboard.space'),
        '{shift}': t('keyboard.shift'),
        '{numbers}': '123',
        '{abc}': mode === 'pinyin' ? t('keyboard.pinyin') : 'ABC',
        '{lang}': mode === 'pinyin' ? t('keyboard.toLetters') : t('keyboard.toPinyin'),
      },
      theme: `hg-theme-default tongban-keyboard tongban-keyboard-${mode}`,
      useButtonTag: true,
      disableCaretPositioning: true,
      preventMouseDownDefault: true,
      enableLayoutCandidates: mode === 'pinyin',
      layoutCandidates: mode === 'pinyin' ? pinyinCandidates : {},
      layoutCandidatesPageSize: 8,
      ...(maxLength ? { maxLength } : {}),
      onChange: (input: string) => latest.current.onChange(input),
      onKeyPress: (button: string) => {
        if (button === '{enter}') latest.current.onDone();
        else if (button === '{shift}') {
          instance.setOptions({ layoutName: instance.options.layoutName === 'shift' ? 'default' : 'shift' });
        } else if (button === '{numbers}') instance.setOptions({ layoutName: 'numbers' });
        else if (button === '{abc}') instance.setOptions({ layoutName: 'default' });
        else if (button === '{lang}') {
          const pinyin = !latest.current.pinyin;
          latest.current.pinyin = pinyin;
          instance.setOptions({
            enableLayoutCandidates: pinyin,
            layoutCandidates: pinyin ? pinyinCandidates : {},
            display: { ...instance.options.display, '{lang}': pinyin ? t('keyboard.toLetters') : t('keyboard.toPinyin') },
          });
        }
      },
    });
    instance.setInput(value);
    keyboard.current = instance;
    return () => {
      instance.destroy();
      keyboard.current = null;
    };
    // The keyboard is rebuilt when its mode or language changes, not on every keystroke.
  }, [mode, t('keyboard.done')]);

  useEffect(() => {
    if (keyboard.current && keyboard.current.getInput() !== value) keyboard.current.setInput(value);
  }, [value]);

  return <div ref={host} class="on-screen-keyboard" data-testid="keyboard" />;
}
