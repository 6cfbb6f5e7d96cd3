// Turns pack and forms files (already parsed JSON) into checked, merged packs.
// Every problem names the file and the path inside it, so a bureau editing a pack by hand
// can find the mistake without reading code.
import type { z } from 'zod';
import {
  FORMS_FORMAT, PACK_FORMAT, formsFileSchema, packFileSchema,
  type DistrictFormula, type FormsFile, type Pack, type PackFile, type Sheet, type Submission,
} from './schema';
import { checkPackReferences } from './references';

export class PackError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`${file}：${problems.join('；')}`);
    this.name = 'PackError';
  }
}

export interface SourceFile {
  /** where the JSON came from, e.g. `seeds/packs/luojiang.json` — used in messages only */
  path: string;
  json: unknown;
}

function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out ? `.${String(p)}` : String(p);
  return out || '(根)';
}

function parseWith<T>(schema: z.ZodType<T>, file: SourceFile): T {
  const result = schema.safeParse(file.json);
  if (result.success) return result.data;
  const problems = result.error.issues.slice(0, 20).map((i) => `${formatPath(i.path)}: ${i.message}`);
  throw new PackError(file.path, problems);
}

export function parseFormsFile(file: SourceFile): FormsFile {
  return parseWith(formsFileSchema, file);
}

export function parsePackFile(file: SourceFile): PackFile {
  return parseWith(packFileSchema, file);
}

/** Merges a pack with the libraries it uses; the pack's own entries win over a library's. */
export function resolvePack(pack: PackFile, libraries: Map<string, FormsFile>, path: string): Pack {
  const problems: string[] = [];
  const sheets: Record<string, Sheet> = {};
  const submissions = new Map<string, Submission>();
  let stages = pack.stages;
  let schoolTypes = pack.schoolTypes;
  const formulas = new Map<string, DistrictFormula>();
  let balance = pack.balance;
  (pack.uses ?? []).forEach((libId, i) => {
    const lib = libraries.get(libId);
    if (!lib) {
      problems.push(`uses[${i}]: 找不到表单库 "${libId}"`);
      return;
    }
    for (const s of lib.sheets ?? []) sheets[s.id] = s;
    for (const s of lib.submissions ?? []) submissions.set(s.code, s);
    stages ??= lib.stages;
    schoolTypes ??= lib.schoolTypes;
    for (const f of lib.districtFormulas ?? []) formulas.set(f.id, f);
    balance ??= lib.balance;
  });
  for (const f of pack.districtFormulas ?? []) formulas.set(f.id, f);
  for (const s of pack.sheets ?? []) sheets[s.id] = s;
  for (const s of pack.submissions ?? []) submissions.set(s.code, s);
  if (!submissions.size) problems.push('submissions: 包及其表单库都没有定义报表');
  if (!stages) problems.push('stages: 包及其表单库都没有定义学段');
  if (!schoolTypes) problems.push('schoolTypes: 包及其表单库都没有定义办学类型');
  if (problems.length) throw new PackError(path, problems);

  const resolved: Pack = {
    id: pack.id,
    name: pack.name,
    bureau: pack.bureau,
    version: pack.version,
    notes: pack.notes ?? [],
    stages: stages!,
    schoolTypes: schoolTypes!,
    submissions: [...submissions.values()],
    sheets,
    targets: pack.targets ?? [],
    params: pack.params ?? {},
    ...(formulas.size ? { districtFormulas: [...formulas.values()] } : {}),
    ...(balance ? { balance } : {}),
  };
  const refProblems = checkPackReferences(resolved);
  if (refProblems.length) throw new PackError(path, refProblems);
  return resolved;
}

/**
 * Loads every pack among the files. Files are told apart by their `format`; a file with an
 * unknown format is an error rather than silently ignored.
 */
export function loadPacks(files: SourceFile[]): Map<string, Pack> {
  const libraries = new Map<string, FormsFile>();
  const packFiles: { file: SourceFile; pack: PackFile }[] = [];
  for (const file of files) {
    const format = (file.json as { format?: unknown } | null)?.format;
    if (format === FORMS_FORMAT) {
      const lib = parseFormsFile(file);
      if (libraries.has(lib.id)) throw new PackError(file.path, [`id: 表单库 "${lib.id}" 重复定义`]);
      libraries.set(lib.id, lib);
    } else if (format === PACK_FORMAT) {
      packFiles.push({ file, pack: parsePackFile(file) });
    } else {
      throw new PackError(file.path, [`format: 应为 "${PACK_FORMAT}" 或 "${FORMS_FORMAT}"`]);
    }
  }
  const packs = new Map<string, Pack>();
  for (const { file, pack } of packFiles) {
    if (packs.has(pack.id)) throw new PackError(file.path, [`id: 包 "${pack.id}" 重复定义`]);
    packs.set(pack.id, resolvePack(pack, libraries, file.path));
  }
  return packs;
}
