/**
 * Which keyboard a field gets. `text` and `address` take pinyin, handwriting and (after 中/英)
 * letters; `letters` is the same keyboard starting with letters (a case number, pinyin
 * initials in the search box); `personName` takes pinyin and handwriting only — a name is never
 * raw Latin letters; the rest are digit pads.
 */
export type KeyboardMode = 'text' | 'address' | 'letters' | 'personName' | 'numeric' | 'idNumber';

export const chineseModes: ReadonlySet<KeyboardMode> = new Set(['text', 'address', 'letters', 'personName']);

/**
 * Layouts cut down for a touch screen: no Tab, Caps Lock or ".com"; big keys in few rows.
 * `{hand}` opens the writing pad; `{space}` picks the first candidate while pinyin is typed.
 */
const letters = ['q w e r t y u i o p {bksp}', 'a s d f g h j k l {enter}', "{shift} z x c v b n m ' - {shift}", '{hand} {lang} {numbers} {space}'];
const lettersShift = ['Q W E R T Y U I O P {bksp}', 'A S D F G H J K L {enter}', '{shift} Z X C V B N M - {shift}', '{hand} {lang} {numbers} {space}'];
const nameLetters = ['q w e r t y u i o p {bksp}', 'a s d f g h j k l {enter}', "z x c v b n m ' ·", '{hand} {space}'];
const digitsRow = ['1 2 3 4 5 6 7 8 9 0 {bksp}', '- ( ) # / , . {enter}', '{abc} {space}'];

export const layouts: Record<KeyboardMode, Record<string, string[]>> = {
  text: { default: letters, shift: lettersShift, numbers: digitsRow },
  address: { default: letters, shift: lettersShift, numbers: digitsRow },
  letters: { default: letters, shift: lettersShift, numbers: digitsRow },
  personName: { default: nameLetters },
  numeric: { default: ['1 2 3', '4 5 6', '7 8 9', '{bksp} 0 {enter}'] },
  idNumber: { default: ['1 2 3', '4 5 6', '7 8 9', 'X 0 {bksp}', '{enter}'] },
};

/** A layout without the 手写 key, for a terminal whose recogniser cannot be opened. */
export function withoutHandwriting(layout: Record<string, string[]>): Record<string, string[]> {
  return Object.fromEntries(Object.entries(layout).map(([name, rows]) => [name, rows.map((row) => row.split(' ').filter((key) => key !== '{hand}').join(' '))]));
}
