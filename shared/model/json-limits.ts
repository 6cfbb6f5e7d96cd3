// Limits on an untrusted JSON file (the data file `xiaobiao-data/1`, a backup): size, nesting depth
// and keys that could reach an object's prototype, all checked before or while JSON.parse runs, so
// a hostile file costs at most one bounded scan and is refused with a Chinese message naming it.
// The zod schema then checks the shape; see docs/limits.md.

export const JSON_LIMITS = {
  /** bytes (UTF-8) of the file; a large school's full data file is a few MB */
  maxBytes: 50 * 1024 * 1024,
  /** nesting of objects/arrays; the data file needs 6 (school → periods → sheets → rows → row) */
  maxDepth: 32,
};
export type JsonLimits = typeof JSON_LIMITS;

/** Keys that would set or shadow a prototype when copied into a plain object. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export class JsonLimitError extends Error {
  constructor(
    readonly file: string,
    readonly problem: string,
  ) {
    super(`文件「${file}」：${problem}`);
    this.name = 'JsonLimitError';
  }
}

/** The deepest nesting of [ and { outside strings, stopping as soon as it passes `max`. */
function depthOver(text: string, max: number): number | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 0x5c) i++; // skip the escaped character
      else if (ch === 0x22) inString = false;
    } else if (ch === 0x22) inString = true;
    else if (ch === 0x5b || ch === 0x7b) {
      if (++depth > max) return i;
    } else if (ch === 0x5d || ch === 0x7d) depth--;
  }
  return undefined;
}

/** Line and column (1-based) of a character offset, for a message the user can follow. */
function lineCol(text: string, at: number): string {
  let line = 1;
  let last = -1;
  for (let i = 0; i < at; i++) if (text.charCodeAt(i) === 0x0a) { line++; last = i; }
  return `第 ${line} 行第 ${at - last} 列`;
}

/**
 * The path (`periods[3].sheets.classList.rows[7].students`) of the first key given twice in one
 * object of valid JSON text, or undefined. JSON.parse keeps the last silently, so a file edited by
 * hand could hold two different 学生数 for one row and show only one: such a file is refused.
 */
export function duplicateKeyPath(text: string): string | undefined {
  // keys of an object: a list while small (a list row has ~15), a set past that
  type Frame = { keys?: string[]; set?: Set<string>; index: number; key?: string; expectKey: boolean };
  const stack: Frame[] = [];
  const path = () => stack.map((f, i) => (f.keys ? `${i ? '.' : ''}${f.key ?? ''}` : `[${f.index}]`)).join('');
  // jump from one structural character to the next in native code: numbers and spaces cost nothing
  const token = /["{}[\],]/g;
  let m: RegExpExecArray | null;
  while ((m = token.exec(text))) {
    const i = m.index;
    const ch = text.charCodeAt(i);
    const top = stack[stack.length - 1];
    if (ch === 0x22) {
      // the closing quote: the next one not escaped by an odd run of backslashes
      let j = i;
      for (;;) {
        j = text.indexOf('"', j + 1);
        let n = 0;
        while (text.charCodeAt(j - 1 - n) === 0x5c) n++;
        if (n % 2 === 0) break;
      }
      if (top?.keys && top.expectKey) {
        const raw = text.slice(i + 1, j);
        const key = raw.includes('\\') ? (JSON.parse(`"${raw}"`) as string) : raw;
        top.key = key;
        if (top.set ? top.set.has(key) : top.keys.includes(key)) return path();
        if (top.set) top.set.add(key);
        else if (top.keys.push(key) > 32) top.set = new Set(top.keys);
        top.expectKey = false;
      }
      token.lastIndex = j + 1;
    } else if (ch === 0x7b) stack.push({ keys: [], index: 0, expectKey: true });
    else if (ch === 0x5b) stack.push({ index: 0, expectKey: false });
    else if (ch === 0x7d || ch === 0x5d) stack.pop();
    else if (top) {
      if (top.keys) top.expectKey = true;
      else top.index++;
    }
  }
  return undefined;
}

/** Parses untrusted JSON text within the limits; throws JsonLimitError (Chinese, naming the file). */
export function parseUntrustedJson(fileName: string, text: string, limits: JsonLimits = JSON_LIMITS): unknown {
  const fail = (problem: string): never => {
    throw new JsonLimitError(fileName, problem);
  };
  // UTF-16 length ≤ UTF-8 bytes, so this is a cheap lower bound that is exact for ASCII
  if (text.length > limits.maxBytes) fail(`文件超过上限 ${limits.maxBytes / 1024 / 1024} MB`);
  if (!text.trim()) fail('文件是空的');
  const deep = depthOver(text, limits.maxDepth);
  if (deep !== undefined) fail(`嵌套超过 ${limits.maxDepth} 层（${lineCol(text, deep)}），不是校表通的数据文件`);
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let json: unknown;
  try {
    json = JSON.parse(body, (key, value) => {
      if (FORBIDDEN_KEYS.has(key)) throw new JsonLimitError(fileName, `含有不允许的键“${key}”，文件可能被恶意改动`);
      return value;
    });
  } catch (e) {
    if (e instanceof JsonLimitError) throw e;
    return fail(`不是有效的 JSON（${(e as Error).message}）`);
  }
  const twice = duplicateKeyPath(body);
  if (twice !== undefined) fail(`${twice}：同一个键出现了两次（文件可能被手工改动过），不能确定哪一个是对的`);
  return json;
}

/** Decodes bytes as UTF-8 (refusing invalid UTF-8, e.g. a GBK file) and parses them within the limits. */
export function parseUntrustedJsonBytes(fileName: string, bytes: Uint8Array, limits: JsonLimits = JSON_LIMITS): unknown {
  if (bytes.length > limits.maxBytes) throw new JsonLimitError(fileName, `文件超过上限 ${limits.maxBytes / 1024 / 1024} MB`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new JsonLimitError(fileName, '不是 UTF-8 编码的文本（可能是 GBK 文本或二进制文件），不是校表通的数据文件');
  }
  return parseUntrustedJson(fileName, text, limits);
}
