// What a hostile corpus file is and what each reader must do with it.
export type EntryPoint = 'report' | 'restore' | 'json' | 'import' | 'backup';

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
  /** broken as a container (bomb, truncated zip, encrypted, oversized…): every spreadsheet reader refuses it */
  container?: boolean;
}

export function outcomeOf(f: CorpusFile, at: EntryPoint): Outcome {
  // the roster importer reads any spreadsheet or text table: only a broken container must be refused
  if (at === 'import') return f.outcome?.import ?? (f.container ? 'refuse' : 'any');
  // a backup is a data file: what the data-file reader refuses, the backup reader refuses too
  if (at === 'backup') return f.outcome?.backup ?? f.outcome?.json ?? 'refuse';
  return f.outcome?.[at] ?? 'refuse';
}
