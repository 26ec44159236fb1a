import chinese from 'simple-keyboard-layouts/build/layouts/chinese';

export type KeyboardMode = 'pinyin' | 'letters' | 'numeric' | 'idNumber';

/**
 * Layouts cut down for a touch screen: no Tab, Caps Lock or ".com"; big keys in few rows.
 * Pinyin candidates come from simple-keyboard-layouts' Chinese layout (after pinyinjs).
 */
const letters = ['q w e r t y u i o p {bksp}', 'a s d f g h j k l {enter}', '{shift} z x c v b n m - {shift}', '{lang} {numbers} {space}'];
const lettersShift = ['Q W E R T Y U I O P {bksp}', 'A S D F G H J K L {enter}', '{shift} Z X C V B N M - {shift}', '{lang} {numbers} {space}'];
const digitsRow = ['1 2 3 4 5 6 7 8 9 0 {bksp}', '- ( ) # / , . {enter}', '{abc} {space}'];

export const layouts: Record<KeyboardMode, Record<string, string[]>> = {
  pinyin: { default: letters, shift: lettersShift, numbers: digitsRow },
  letters: { default: letters, shift: lettersShift, numbers: digitsRow },
  numeric: { default: ['1 2 3', '4 5 6', '7 8 9', '{bksp} 0 {enter}'] },
  idNumber: { default: ['1 2 3', '4 5 6', '7 8 9', 'X 0 {bksp}', '{enter}'] },
};

// The package's typings omit the candidates its Chinese layout carries.
export const pinyinCandidates: Record<string, string> = (chinese as typeof chinese & { layoutCandidates: Record<string, string> }).layoutCandidates;
