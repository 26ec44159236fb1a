import { z } from 'zod';

/**
 * How a citizen enters text and hears the screen (methods `ime.*`, `handwriting.*`,
 * `speech.*`), spread into `terminalMethods` in ./api.ts. The engines run in the terminal
 * process, offline; nothing typed, written or spoken is logged or kept past the session.
 */

/** Which engine answered: the page says nothing of it, but tests and the README do. */
export const PinyinEngineName = z.enum(['rime', 'table']);
export type PinyinEngineName = z.infer<typeof PinyinEngineName>;

export const PinyinCandidate = z.object({
  text: z.string().min(1).max(40),
  /** How many characters of the typed pinyin this candidate replaces, from the front. */
  consumes: z.number().int().positive(),
});
export type PinyinCandidate = z.infer<typeof PinyinCandidate>;

export const PinyinQuery = z
  .object({
    input: z.string().regex(/^[a-z][a-z']{0,39}$/, 'lower-case pinyin letters, at most 40'),
    /** A person's name: the surname is offered from the first syllable, then the given name. */
    kind: z.enum(['text', 'personName']),
    /** The name field already holds its surname, so the input is the given name. */
    hasSurname: z.boolean().default(false),
    limit: z.number().int().min(1).max(80).default(40),
  })
  .strict();

const Point = z.tuple([z.number().min(0).max(4096), z.number().min(0).max(4096)]);

export const HandwritingQuery = z
  .object({
    /** Strokes in drawing order, each its points in pad pixels. */
    strokes: z.array(z.array(Point).min(1).max(512)).min(1).max(40),
    width: z.number().int().min(16).max(4096),
    height: z.number().int().min(16).max(4096),
    limit: z.number().int().min(1).max(20).default(10),
  })
  .strict();

/** A piece of what is read aloud: words, or a code read one character at a time (A023 → A 零 二 三). */
export const SpeechPart = z.union([
  z.object({ text: z.string().min(1).max(400) }).strict(),
  z.object({ code: z.string().regex(/^[0-9A-Za-z-]{1,40}$/) }).strict(),
]);
export type SpeechPart = z.infer<typeof SpeechPart>;

export const inputMethods = {
  'ime.candidates': {
    args: PinyinQuery,
    result: z.object({ engine: PinyinEngineName, candidates: z.array(PinyinCandidate) }),
  },
  /** Whether the writing pad can work here (libzinnia and its model open); the keyboard leaves out 手写 where not. */
  'handwriting.status': {
    args: z.object({}).strict(),
    result: z.object({ available: z.boolean() }),
  },
  'handwriting.recognise': {
    args: HandwritingQuery,
    result: z.object({ candidates: z.array(z.string().min(1).max(8)) }),
  },
  'speech.synthesize': {
    args: z.object({ parts: z.array(SpeechPart).min(1).max(12), lang: z.enum(['zh-CN', 'en']) }).strict(),
    /** A WAV file, base64: the page plays it through Web Audio. */
    result: z.object({ wav: z.string().min(1), seconds: z.number().nonnegative() }),
  },
} as const;
