/** One pinyin engine behind the keyboard: librime where it is installed, the built-in table elsewhere. */
export interface Candidate {
  text: string;
  /** How many letters of the input the candidate stands for, from its front. */
  consumes: number;
}

export interface PinyinEngine {
  readonly name: 'rime' | 'table';
  /** Candidates for the whole input, best first. */
  candidates(input: string, limit: number): Candidate[];
  /** Forget whatever the last citizen typed. */
  reset(): void;
  close(): void;
}
