import { useEffect, useRef, useState } from 'preact/hooks';
import Keyboard from 'simple-keyboard';
import 'simple-keyboard/build/css/index.css';
import './keyboard.css';
import type { PinyinCandidate } from '../../../contract/terminal/input-api';
import type { MessageKey } from '../i18n';
import { useT } from '../i18n/use-t';
import { speak } from '../speech/read-aloud';
import { spokenParts } from '../speech/use-speak';
import { useApi } from '../state/api-context';
import { largeType, locale } from '../state/store';
import { CandidateBar } from './CandidateBar';
import { hasSurname, pickCandidate, queryable, typePinyin } from './composition';
import { HandwritingPad, type PadStroke } from './HandwritingPad';
import { chineseModes, layouts, withoutHandwriting, type KeyboardMode } from './layouts';

export interface OnScreenKeyboardProps {
  mode: KeyboardMode;
  value: string;
  maxLength?: number;
  onChange: (value: string) => void;
  onDone: () => void;
}

type Candidate = PinyinCandidate & { handwritten?: boolean };

function clip(value: string, maxLength: number | undefined): string {
  return maxLength === undefined ? value : [...value].slice(0, maxLength).join('');
}

/**
 * The keyboard bound to one field at a time. simple-keyboard draws the keys; the pinyin is
 * converted in the terminal process (librime: phrases, the whole repertoire names use), the
 * writing pad is recognised there too (Zinnia), and the candidates are a row of large keys here.
 * Typed pinyin stays in the composition, never in the field, so a Chinese field cannot be left
 * holding raw letters.
 */
export function OnScreenKeyboard({ mode, value, maxLength, onChange, onDone }: OnScreenKeyboardProps) {
  const t = useT();
  const api = useApi();
  const host = useRef<HTMLDivElement>(null);
  const [composition, setComposition] = useState('');
  const [candidates, setCandidates] = useState<Candidate[]>([]);
  /** The pinyin the shown candidates are for (tests and assistive tech can tell a stale row). */
  const [answering, setAnswering] = useState('');
  const [page, setPage] = useState(0);
  const [writing, setWriting] = useState(false);
  const [latin, setLatin] = useState(mode === 'letters');
  const [padClears, setPadClears] = useState(0);
  const [message, setMessage] = useState<MessageKey | null>(null);
  /** Off where the terminal cannot open its recogniser (e.g. a Windows build without zinnia.dll): no 手写 key. */
  const [handwritingOff, setHandwritingOff] = useState(false);
  const queries = useRef(0);
  const chinese = chineseModes.has(mode);
  const pageSize = largeType.value ? 6 : 8;

  const state = { value, composition, candidates, latin, writing };
  const latest = useRef(state);
  latest.current = state;

  const tell = (key: MessageKey | null) => {
    setMessage(key);
    if (key) void speak(api, spokenParts([key], locale.value), locale.value);
  };

  const showCandidates = (list: Candidate[]) => {
    setCandidates(list);
    setPage(0);
  };

  useEffect(() => {
    const input = queryable(composition);
    const mine = ++queries.current;
    if (!input) {
      if (!writing) showCandidates([]);
      setAnswering('');
      return;
    }
    const kind = mode === 'personName' ? 'personName' : 'text';
    api.call('ime.candidates', { input, kind, hasSurname: hasSurname(latest.current.value) }).then(
      (answer) => {
        if (mine !== queries.current) return;
        showCandidates(answer.candidates);
        setAnswering(input);
      },
      () => mine === queries.current && showCandidates([]),
    );
  }, [composition]);

  useEffect(() => {
    if (!chinese) return;
    api.call('handwriting.status', {}).then(
      (status) => setHandwritingOff(!status.available),
      () => setHandwritingOff(true),
    );
  }, [chinese]);

  const put = (next: string) => onChange(clip(next, maxLength));

  const pick = (index: number) => {
    const { value: current, composition: typed, candidates: list } = latest.current;
    const chosen = list[index];
    if (!chosen) return;
    setMessage(null);
    if (chosen.handwritten) {
      put(current + chosen.text);
      showCandidates([]);
      setPadClears((n) => n + 1);
      return;
    }
    const next = pickCandidate(current, typed, chosen);
    put(next.value);
    setComposition(next.composition);
  };

  const onStrokes = (strokes: PadStroke[], width: number, height: number) => {
    const mine = ++queries.current;
    if (strokes.length === 0) return showCandidates([]);
    api.call('handwriting.recognise', { strokes, width, height, limit: 12 }).then(
      (answer) => mine === queries.current && showCandidates(answer.candidates.map((text) => ({ text, consumes: 1, handwritten: true }))),
      () => {
        if (mine !== queries.current) return;
        showCandidates([]);
        setHandwritingOff(true);
        setWriting(false);
        tell('keyboard.handwritingUnavailable');
      },
    );
  };

  const backspace = () => {
    const { value: current, composition: typed } = latest.current;
    if (typed) setComposition(typed.slice(0, -1));
    else put([...current].slice(0, -1).join(''));
  };

  const done = () => {
    if (latest.current.composition) return tell('keyboard.pickFirst');
    setMessage(null);
    onDone();
  };

  const press = (button: string, instance: Keyboard) => {
    const { value: current, composition: typed, candidates: list, latin: inLatin } = latest.current;
    if (button === '{bksp}') return backspace();
    if (button === '{enter}') return done();
    if (button === '{hand}') {
      setComposition('');
      setWriting(true);
      showCandidates([]);
      return;
    }
    if (button === '{shift}') return instance.setOptions({ layoutName: instance.options.layoutName === 'shift' ? 'default' : 'shift' });
    if (button === '{numbers}') return instance.setOptions({ layoutName: 'numbers' });
    if (button === '{abc}') return instance.setOptions({ layoutName: 'default' });
    if (button === '{lang}') {
      setComposition('');
      setLatin(!inLatin);
      return;
    }
    if (button === '{space}') {
      if (typed) return list[0] ? pick(0) : undefined;
      if (mode !== 'personName') put(`${current} `);
      return;
    }
    if (button === '·') {
      if (hasSurname(current) && !current.endsWith('·') && !typed) put(current + button);
      return;
    }
    setMessage(null);
    if (chinese && !inLatin && /^[a-z']$/i.test(button)) return setComposition(typePinyin(typed, button));
    put(current + button);
  };

  const pressNow = useRef(press);
  pressNow.current = press;

  useEffect(() => {
    if (!host.current || writing) return;
    const instance = new Keyboard(host.current, {
      layout: handwritingOff ? withoutHandwriting(layouts[mode]) : layouts[mode],
      layoutName: 'default',
      display: {
        '{bksp}': t('keyboard.delete'),
        '{enter}': t('keyboard.done'),
        '{space}': mode === 'personName' ? t('keyboard.pickFirstCandidate') : t('keyboard.space'),
        '{shift}': t('keyboard.shift'),
        '{numbers}': '123',
        '{abc}': latin || !chinese ? 'ABC' : t('keyboard.pinyin'),
        '{lang}': latin ? t('keyboard.toPinyin') : t('keyboard.toLetters'),
        '{hand}': t('keyboard.handwriting'),
      },
      theme: `hg-theme-default tongban-keyboard tongban-keyboard-${mode}`,
      useButtonTag: true,
      disableCaretPositioning: true,
      preventMouseDownDefault: true,
      onKeyPress: (button: string) => pressNow.current(button, instance),
    });
    return () => instance.destroy();
    // Rebuilt when the field's kind, the letters/pinyin choice, the pad's availability or the language changes, not per key.
  }, [mode, latin, writing, handwritingOff, t('keyboard.done')]);

  // Keyed apart: Preact must not reuse the node simple-keyboard empties when it is destroyed.
  const keysOrPad = writing ? (
    <div key="pad" class="writing-area">
      <HandwritingPad clearCount={padClears} onStrokes={onStrokes} />
      <div class="writing-keys">
        <button
          type="button"
          class="button secondary key-like"
          onClick={() => {
            queries.current++;
            setPadClears((n) => n + 1);
            showCandidates([]);
          }}
        >
          {t('keyboard.padClear')}
        </button>
        <button type="button" class="button secondary key-like" onClick={backspace}>
          {t('keyboard.delete')}
        </button>
        <button
          type="button"
          class="button secondary key-like"
          onClick={() => {
            setWriting(false);
            showCandidates([]);
          }}
        >
          {t('keyboard.backToKeys')}
        </button>
        <button type="button" class="button primary key-like" onClick={done}>
          {t('keyboard.done')}
        </button>
      </div>
    </div>
  ) : (
    <div key="keys" ref={host} class="keyboard-keys" />
  );

  return (
    <div class={`on-screen-keyboard${writing ? ' writing' : ''}`} data-testid="keyboard" data-mode={mode}>
      {chinese && (
        <CandidateBar
          answering={answering}
          composition={composition}
          candidates={candidates.map((c) => c.text)}
          page={page}
          pageSize={pageSize}
          onPick={pick}
          onPage={setPage}
        />
      )}
      {message && (
        <p class="keyboard-message" role="alert" data-testid="keyboard-message">
          <span aria-hidden="true">⚠ </span>
          {t(message)}
        </p>
      )}
      {keysOrPad}
    </div>
  );
}
