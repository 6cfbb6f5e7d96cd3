// What a hostile corpus file is and what each reader must do with it.
export type EntryPoint = 'report' | 'restore' | 'json';

/** `refuse` (default): a Chinese error naming the file; `warn`: read, with the documented warning; `ok`: read. */
export type Outcome = 'refuse' | 'warn' | 'ok' | 'any';

export interface CorpusFile {
  name: string;
  bytes: Uint8Array;
  /** outcomes per entry point; missing = refuse */
  outcome?: Partial<Record<EntryPoint, Outcome>>;
  /** what the refusal (or warning) must say, for the entry point the file was made for */
  why?: RegExp;
  /** the entry point `why` applies to (its own kind: xlsx → report and restore, json → json) */
  whyFor?: readonly EntryPoint[];
}

export function outcomeOf(f: CorpusFile, at: EntryPoint): Outcome {
  return f.outcome?.[at] ?? 'refuse';
}
