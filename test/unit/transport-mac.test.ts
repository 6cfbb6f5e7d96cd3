// The three MAC providers (WebCrypto, node:crypto, pure) against RFC 4231 / RFC 5869 vectors and each
// other, and the 报送码: normalization, the check symbol, and the bureau's keys store.
import { describe, expect, it } from 'vitest';
import { deriveKey, hkdfSha256Sync, hmacSha256Sync, keyIdOf, keyIdOfSync, pureMac, reportMac, reportMacValid, webCryptoMac, type MacProvider } from '../../shared/transport/mac';
import { nodeMac } from '../../shared/transport/node-mac';
import { fromBase64, fromHex, toBase64, toHex, utf8 } from '../../shared/transport/bytes';
import { emptyKeys, enrolSchool, generateSubmitCode, groupSubmitCode, KeysFileError, normalizeSubmitCode, parseKeysFile, currentEnrolment } from '../../shared/transport/enrol';

const providers: [string, MacProvider][] = [['webcrypto', webCryptoMac(globalThis.crypto.subtle)], ['node', nodeMac()], ['pure', pureMac()]];
const hex = (s: string) => fromHex(s)!;
const fill = (n: number, b: number) => new Uint8Array(n).fill(b);

// RFC 4231 §4.2, 4.3, 4.7 and RFC 5869 A.1, A.3
const HMAC_VECTORS: [Uint8Array, Uint8Array, string][] = [
  [fill(20, 0x0b), utf8('Hi There'), 'b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7'],
  [utf8('Jefe'), utf8('what do ya want for nothing?'), '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843'],
  [fill(131, 0xaa), utf8('Test Using Larger Than Block-Size Key - Hash Key First'), '60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54'],
];
const HKDF_VECTORS: [Uint8Array, Uint8Array, Uint8Array, number, string][] = [
  [fill(22, 0x0b), hex('000102030405060708090a0b0c'), hex('f0f1f2f3f4f5f6f7f8f9'), 42, '3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865'],
  [fill(22, 0x0b), new Uint8Array(0), new Uint8Array(0), 42, '8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8'],
];

describe.each(providers)('%s provider', (_, mac) => {
  it('gives the RFC 4231 HMAC-SHA256 values', async () => {
    for (const [key, data, want] of HMAC_VECTORS) expect(toHex(await mac.hmacSha256(key, data))).toBe(want);
  });
  it('gives the RFC 5869 HKDF-SHA256 values', async () => {
    for (const [ikm, salt, info, len, want] of HKDF_VECTORS) expect(toHex(await mac.hkdfSha256(ikm, salt, info, len))).toBe(want);
  });
  it('hashes like SHA-256', async () => {
    expect(toHex(await mac.sha256(utf8('abc')))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});

describe('one algorithm over every provider', () => {
  it('derives the same key, keyId and report MAC for a school', async () => {
    const code = generateSubmitCode();
    const out = await Promise.all(providers.map(async ([, mac]) => {
      const key = await deriveKey(mac, code, '5106260001');
      return [toHex(key), await keyIdOf(mac, key), await reportMac(mac, key, '5106260001', 'ab'.repeat(32))];
    }));
    expect(new Set(out.map((o) => o.join('|'))).size).toBe(1);
    const key = await deriveKey(nodeMac(), code, '5106260001');
    expect(keyIdOfSync(key)).toBe(out[0]![1]);
    expect(reportMacValid(key, '5106260001', 'ab'.repeat(32), out[0]![2]!)).toBe(true);
    // another school's key, or another sha256:all, does not verify
    expect(reportMacValid(await deriveKey(nodeMac(), code, '5106260002'), '5106260001', 'ab'.repeat(32), out[0]![2]!)).toBe(false);
    expect(reportMacValid(key, '5106260001', 'cd'.repeat(32), out[0]![2]!)).toBe(false);
  });
  it('sync helpers agree with their async forms on random input', () => {
    for (let n = 0; n < 20; n++) {
      const key = globalThis.crypto.getRandomValues(new Uint8Array(n * 7));
      const data = globalThis.crypto.getRandomValues(new Uint8Array(n * 13));
      expect(hmacSha256Sync(key, data).length).toBe(32);
      expect(hkdfSha256Sync(key, data, key, 80).length).toBe(80);
    }
  });
  it('base64 round-trips every length', () => {
    for (let n = 0; n < 40; n++) {
      const b = globalThis.crypto.getRandomValues(new Uint8Array(n));
      expect(toBase64(b)).toBe(Buffer.from(b).toString('base64'));
      expect(toHex(fromBase64(toBase64(b))!)).toBe(toHex(b));
    }
    expect(fromBase64('abc')).toBeUndefined();
  });
});

describe('报送码', () => {
  it('is 20 symbols, grouped by four, all digits or letters', () => {
    for (let i = 0; i < 200; i++) {
      const code = generateSubmitCode();
      expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{20}$/);
      expect(groupSubmitCode(code)).toMatch(/^(\w{4}-){4}\w{4}$/);
      expect(normalizeSubmitCode(code)).toEqual({ ok: true, code });
    }
  });
  it('is read back as typed: case, spaces, hyphens, full-width, O/I/L', () => {
    const code = generateSubmitCode();
    const sloppy = groupSubmitCode(code).toLowerCase().replace(/-/g, ' - ').replace(/0/g, 'o').replace(/1/g, 'l');
    expect(normalizeSubmitCode(sloppy)).toEqual({ ok: true, code });
    const fullWidth = [...code].map((c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).join('');
    expect(normalizeSubmitCode(fullWidth)).toEqual({ ok: true, code });
  });
  it('catches every single mistyped symbol and every swap of two neighbours', () => {
    const code = generateSubmitCode();
    const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
    for (let i = 0; i < code.length; i++)
      for (const ch of alphabet) if (ch !== code[i]) expect(normalizeSubmitCode(code.slice(0, i) + ch + code.slice(i + 1)).ok).toBe(false);
    for (let i = 0; i + 1 < code.length; i++) {
      if (code[i] === code[i + 1]) continue;
      const swapped = code.slice(0, i) + code[i + 1] + code[i] + code.slice(i + 2);
      const r = normalizeSubmitCode(swapped);
      expect(r.ok).toBe(false);
      expect(r.ok ? '' : r.message).toContain('校验位');
    }
  });
  it('says in Chinese what is wrong', () => {
    const say = (s: string) => { const r = normalizeSubmitCode(s); return r.ok ? '' : r.message; };
    expect(say('')).toContain('请输入');
    expect(say('ABCD-EFGH')).toContain('应为 20 位，现为 8 位');
    expect(say('ABCD-EFGH-JKMN-PQRS-TVWU')).toContain('“U”不是有效字符');
  });
});

describe('keys store', () => {
  it('replaces a school key on re-enrolment and keeps the old one as revoked', async () => {
    const mac = nodeMac();
    const a = await enrolSchool(emptyKeys(), 'S1', mac, new Date('2025-09-01T00:00:00Z'));
    expect(a.replaced).toBe(false);
    const b = await enrolSchool(a.store, 'S1', mac, new Date('2025-10-01T00:00:00Z'));
    expect(b.replaced).toBe(true);
    expect(b.store.schools).toHaveLength(2);
    expect(currentEnrolment(b.store, 'S1')!.keyId).toBe(b.entry.keyId);
    expect(b.store.schools[0]!.revokedAt).toBe('2025-10-01T00:00:00.000Z');
    expect(b.entry.key).toBe(toBase64(await deriveKey(mac, b.code, 'S1')));
    // the code itself is never kept
    expect(JSON.stringify(b.store)).not.toContain(b.code);
    expect(parseKeysFile(JSON.stringify(b.store), 'k.json')).toEqual(b.store);
  });
  it('refuses a malformed keys file whole, naming it', () => {
    expect(() => parseKeysFile('{', '报送密钥.json')).toThrow(KeysFileError);
    expect(() => parseKeysFile('{', '报送密钥.json')).toThrow('密钥文件「报送密钥.json」不是有效的 JSON');
    const bad = { format: 'xiaobiao-keys/1', schools: [{ schoolCode: 'S1', keyId: '00', key: 'x', issuedAt: '' }] };
    expect(() => parseKeysFile(JSON.stringify(bad), 'k.json')).toThrow(/格式不对（schools\.0\.keyId/);
  });
});
