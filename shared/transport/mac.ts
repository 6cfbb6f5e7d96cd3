// HMAC-SHA256, HKDF-SHA256 and SHA-256 behind one interface, and the few algorithms of 报送 written
// once over it: the renderer passes WebCrypto, the CLI and Electron main pass node:crypto
// (node-mac.ts), and verification — which must stay synchronous inside verifyReport's workers —
// uses the pure provider over shared/hash/sha256. A test checks all three give the same bytes.
import { sha256 } from '../hash/sha256';
import { constantTimeEqual, fromHex, toHex, utf8 } from './bytes';

export interface MacProvider {
  hmacSha256(key: Uint8Array, data: Uint8Array): Promise<Uint8Array>;
  hkdfSha256(ikm: Uint8Array, salt: Uint8Array, info: Uint8Array, length: number): Promise<Uint8Array>;
  sha256(data: Uint8Array): Promise<Uint8Array>;
}

/** `_meta` entries of an authenticated workbook (written after the hashes, not hashed themselves). */
export const HMAC_ALG = 'HMAC-SHA256/1';
export const META_HMAC_ALG = 'hmac:alg';
export const META_HMAC_KEY_ID = 'hmac:keyId';
export const META_HMAC_ALL = 'hmac:all';
export const KEY_SALT = 'xiaobiao/submit-code/1';
const REPORT_MAC_PREFIX = 'xiaobiao-report-hmac/1\n';

const copy = (b: Uint8Array) => new Uint8Array(b); // an ArrayBuffer-backed copy WebCrypto accepts

export function webCryptoMac(subtle: SubtleCrypto): MacProvider {
  const hmac = async (key: Uint8Array, data: Uint8Array) => {
    const k = await subtle.importKey('raw', copy(key), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    return new Uint8Array(await subtle.sign('HMAC', k, copy(data)));
  };
  return {
    hmacSha256: hmac,
    async hkdfSha256(ikm, salt, info, length) {
      const k = await subtle.importKey('raw', copy(ikm), 'HKDF', false, ['deriveBits']);
      return new Uint8Array(await subtle.deriveBits({ name: 'HKDF', hash: 'SHA-256', salt: copy(salt), info: copy(info) }, k, length * 8));
    },
    async sha256(data) {
      return new Uint8Array(await subtle.digest('SHA-256', copy(data)));
    },
  };
}

const sha256Bytes = (data: Uint8Array) => fromHex(sha256(data))!;

/** HMAC-SHA256 (RFC 2104) over the dependency-free SHA-256: synchronous, for verifyReport. */
export function hmacSha256Sync(key: Uint8Array, data: Uint8Array): Uint8Array {
  const k = new Uint8Array(64);
  k.set(key.length > 64 ? sha256Bytes(key) : key);
  const inner = new Uint8Array(64 + data.length);
  const outer = new Uint8Array(64 + 32);
  for (let i = 0; i < 64; i++) {
    inner[i] = k[i]! ^ 0x36;
    outer[i] = k[i]! ^ 0x5c;
  }
  inner.set(data, 64);
  outer.set(sha256Bytes(inner), 64);
  return sha256Bytes(outer);
}

/** HKDF-SHA256 (RFC 5869), synchronous. */
export function hkdfSha256Sync(ikm: Uint8Array, salt: Uint8Array, info: Uint8Array, length: number): Uint8Array {
  if (length > 255 * 32) throw new Error('HKDF 输出过长');
  const prk = hmacSha256Sync(salt.length ? salt : new Uint8Array(32), ikm);
  const out = new Uint8Array(length);
  let t: Uint8Array = new Uint8Array(0);
  for (let i = 1, o = 0; o < length; i++) {
    const block = new Uint8Array(t.length + info.length + 1);
    block.set(t);
    block.set(info, t.length);
    block[block.length - 1] = i;
    t = hmacSha256Sync(prk, block);
    out.set(t.subarray(0, Math.min(32, length - o)), o);
    o += 32;
  }
  return out;
}

export function pureMac(): MacProvider {
  return {
    hmacSha256: async (key, data) => hmacSha256Sync(key, data),
    hkdfSha256: async (ikm, salt, info, length) => hkdfSha256Sync(ikm, salt, info, length),
    sha256: async (data) => sha256Bytes(data),
  };
}

/** The school's 32-byte key from its normalized 报送码 (enrol.ts normalizes): HKDF, info = 学校标识码. */
export function deriveKey(mac: MacProvider, normalizedCode: string, schoolCode: string): Promise<Uint8Array> {
  return mac.hkdfSha256(utf8(normalizedCode), utf8(KEY_SALT), utf8(schoolCode), 32);
}

/** First 16 hex of SHA-256(key): names a key in files and headers without revealing it. */
export const keyIdOf = async (mac: MacProvider, key: Uint8Array): Promise<string> => toHex(await mac.sha256(key)).slice(0, 16);
export const keyIdOfSync = (key: Uint8Array): string => sha256(key).slice(0, 16);

const reportMessage = (schoolCode: string, sha256All: string) => utf8(`${REPORT_MAC_PREFIX}${schoolCode}\n${sha256All}`);

/** `hmac:all` of a workbook: binds the school to sha256:all (which covers every sheet and _meta). */
export const reportMac = async (mac: MacProvider, key: Uint8Array, schoolCode: string, sha256All: string): Promise<string> =>
  toHex(await mac.hmacSha256(key, reportMessage(schoolCode, sha256All)));

export function reportMacValid(key: Uint8Array, schoolCode: string, sha256All: string, hmacAll: string): boolean {
  return constantTimeEqual(toHex(hmacSha256Sync(key, reportMessage(schoolCode, sha256All))), hmacAll.toLowerCase());
}

/** What an HTTP request's signature covers: method, path, timestamp and the body's SHA-256. */
export const requestMessage = (method: string, path: string, ts: string, bodySha256Hex: string) =>
  utf8(`${method}\n${path}\n${ts}\n${bodySha256Hex}`);

export const requestSig = async (mac: MacProvider, key: Uint8Array, method: string, path: string, ts: string, bodySha256Hex: string) =>
  toHex(await mac.hmacSha256(key, requestMessage(method, path, ts, bodySha256Hex)));

/** Signs exports with one school's key; the key stays inside (Electron main may hold it). */
export interface ReportSigner {
  keyId: string;
  sign(schoolCode: string, sha256All: string): Promise<string>;
}

export async function macSigner(mac: MacProvider, key: Uint8Array): Promise<ReportSigner> {
  return { keyId: await keyIdOf(mac, key), sign: (schoolCode, sha256All) => reportMac(mac, key, schoolCode, sha256All) };
}
