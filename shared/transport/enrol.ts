// 报送码 and the bureau's enrolment store. A 报送码 is 19 random Crockford base32 symbols (95 bits)
// and a mod-37 check symbol, shown as XXXX-XXXX-XXXX-XXXX-XXXX for reading aloud over the phone.
// The bureau keeps only the derived key (the HMAC is symmetric, so it needs the key, not the code).
import { z } from 'zod';
import { deriveKey, keyIdOf, type MacProvider } from './mac';
import { fromBase64, toBase64 } from './bytes';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CHECK_EXTRA = '*~$=U'; // Crockford's check symbols 32…36
export const CODE_LENGTH = 20;

const checkValue = (symbols: string) => [...symbols].reduce((v, ch) => (v * 32 + ALPHABET.indexOf(ch)) % 37, 0);
const checkSymbol = (symbols: string) => (ALPHABET + CHECK_EXTRA)[checkValue(symbols)]!;

/** A fresh normalized 报送码. Codes whose check would be one of * ~ $ = U are drawn again, so every
 * symbol shown is a digit or a letter (costs 0.2 bits). */
export function generateSubmitCode(random: (n: number) => Uint8Array = (n) => globalThis.crypto.getRandomValues(new Uint8Array(n))): string {
  for (let attempt = 0; attempt < 64; attempt++) {
    const bytes = random(12);
    let bits = 0n;
    for (const b of bytes) bits = (bits << 8n) | BigInt(b);
    let body = '';
    for (let i = 0; i < CODE_LENGTH - 1; i++) body += ALPHABET[Number((bits >> BigInt(5 * i)) & 31n)];
    if (checkValue(body) < 32) return body + checkSymbol(body);
  }
  throw new Error('随机数发生器异常：无法生成报送码');
}

/** XXXX-XXXX-XXXX-XXXX-XXXX */
export const groupSubmitCode = (code: string) => code.match(/.{1,4}/g)!.join('-');

export type NormalizedCode = { ok: true; code: string } | { ok: false; message: string };

/** What a clerk typed → the normalized code: case, spaces, hyphens, full-width forms, O→0, I/L→1. */
export function normalizeSubmitCode(input: string): NormalizedCode {
  const s = input.normalize('NFKC').toUpperCase().replace(/[\s\-–—_]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (!s) return { ok: false, message: '请输入区教育局发放的报送码（20 位，如 XXXX-XXXX-XXXX-XXXX-XXXX）' };
  const bad = [...s].find((ch) => !ALPHABET.includes(ch));
  if (bad) return { ok: false, message: `报送码中的“${bad}”不是有效字符：报送码只含数字和字母（不含 U）` };
  if (s.length !== CODE_LENGTH) return { ok: false, message: `报送码应为 ${CODE_LENGTH} 位，现为 ${s.length} 位：请逐位核对` };
  if (checkSymbol(s.slice(0, -1)) !== s.at(-1)) return { ok: false, message: '报送码有误（校验位不符）：可能输错了一位或颠倒了相邻两位，请逐位核对' };
  return { ok: true, code: s };
}

export const KEYS_FORMAT = 'xiaobiao-keys/1';

const key32 = z.string().refine((s) => fromBase64(s)?.length === 32, '应为 32 字节密钥的 base64');
export const enrolmentSchema = z.object({
  schoolCode: z.string().min(1),
  keyId: z.string().regex(/^[0-9a-f]{16}$/),
  key: key32,
  issuedAt: z.string(),
  /** set when the school is enrolled again: files signed with this key then show 认证失败 */
  revokedAt: z.string().optional(),
});
export type Enrolment = z.infer<typeof enrolmentSchema>;

export const keysFileSchema = z.object({ format: z.literal(KEYS_FORMAT), schools: z.array(enrolmentSchema) });
export type KeysStore = z.infer<typeof keysFileSchema>;

export const emptyKeys = (): KeysStore => ({ format: KEYS_FORMAT, schools: [] });

export class KeysFileError extends Error {}

/** The keys file, validated whole; a bad file is a Chinese message naming it, never half-read. */
export function parseKeysFile(text: string, fileName: string): KeysStore {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new KeysFileError(`密钥文件「${fileName}」不是有效的 JSON`);
  }
  const r = keysFileSchema.safeParse(json);
  if (!r.success) {
    const i = r.error.issues[0]!;
    throw new KeysFileError(`密钥文件「${fileName}」格式不对（${i.path.join('.') || '根'}：${i.message}）`);
  }
  return r.data;
}

/** The school's key in force, if enrolled. */
export const currentEnrolment = (store: KeysStore | undefined, schoolCode: string): Enrolment | undefined =>
  store?.schools.find((e) => e.schoolCode === schoolCode && !e.revokedAt);

export const enrolmentKey = (e: Enrolment): Uint8Array => fromBase64(e.key)!;

/** A new 报送码 for a school: the code to show once, and the store with the school's key replaced. */
export async function enrolSchool(store: KeysStore, schoolCode: string, mac: MacProvider, now: Date, random?: (n: number) => Uint8Array) {
  const code = generateSubmitCode(random);
  const key = await deriveKey(mac, code, schoolCode);
  const entry: Enrolment = { schoolCode, keyId: await keyIdOf(mac, key), key: toBase64(key), issuedAt: now.toISOString() };
  const schools = store.schools.map((e) => (e.schoolCode === schoolCode && !e.revokedAt ? { ...e, revokedAt: entry.issuedAt } : e));
  const replaced = currentEnrolment(store, schoolCode) !== undefined;
  return { code, grouped: groupSubmitCode(code), entry, replaced, store: { ...store, schools: [...schools, entry] } };
}
