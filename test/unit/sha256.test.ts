// The dependency-free SHA-256 the workbook hashes use must agree with node:crypto.
import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sha256 as sha256Fast, sha256Portable, sha256Text as sha256TextFast } from '../../shared/hash/sha256';

const nodeHash = (data: Uint8Array | string) => createHash('sha256').update(data).digest('hex');
const bytesOf = (n: number, fill = 0x61) => new Uint8Array(n).fill(fill);

// the portable code (what a browser page runs) and the one the app picks (Node's crypto where reachable)
const impls = [
  ['portable', sha256Portable, (t: string) => sha256Portable(new TextEncoder().encode(t))],
  ['default', sha256Fast, sha256TextFast],
] as const;

describe.each(impls)('sha256 (%s)', (_, sha256, sha256Text) => {
  it('FIPS 180-4 test vectors', () => {
    expect(sha256(new Uint8Array())).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Text('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Text('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
  });

  it('equals node:crypto for empty input and "abc"', () => {
    expect(sha256(new Uint8Array())).toBe(nodeHash(''));
    expect(sha256Text('abc')).toBe(nodeHash('abc'));
  });

  // 55/56 and 63/64/65 straddle the padding boundaries (one vs two final blocks)
  it.each([1, 55, 56, 57, 63, 64, 65, 119, 120, 127, 128, 1000])('equals node:crypto for %i bytes', (n) => {
    const data = bytesOf(n);
    expect(sha256(data)).toBe(nodeHash(data));
    const varied = Uint8Array.from({ length: n }, (_, i) => (i * 31 + 7) & 0xff);
    expect(sha256(varied)).toBe(nodeHash(varied));
  });

  it('hashes multi-byte Chinese text as UTF-8', () => {
    const text = '教基3112 小学分类型学生数\n填报单位：罗江区实验小学　统计时点：2025年9月1日　单位：人 🏫';
    expect(sha256Text(text)).toBe(nodeHash(Buffer.from(text, 'utf8')));
    expect(sha256Text(text)).toBe(sha256(new TextEncoder().encode(text)));
  });

  it('hashes a lone surrogate as U+FFFD, as TextEncoder does', () => {
    for (const text of ['a\uD800b', '\uDC00', 'x\uD83D'])
      expect(sha256Text(text)).toBe(nodeHash(Buffer.from(text.replace(/[\uD800-\uDFFF]/g, '\uFFFD'), 'utf8')));
  });

  it('equals node:crypto on 1 MB of random bytes', () => {
    const data = new Uint8Array(randomBytes(1024 * 1024));
    expect(sha256(data)).toBe(nodeHash(data));
  });

  it('hashes a view into a larger buffer by its own bytes only', () => {
    const big = Uint8Array.from({ length: 200 }, (_, i) => i);
    const view = big.subarray(50, 150);
    expect(sha256(view)).toBe(nodeHash(Buffer.from(big.slice(50, 150))));
  });

  it('differs when one bit differs', () => {
    const a = bytesOf(64);
    const b = bytesOf(64);
    b[63] = 0x60;
    expect(sha256(a)).not.toBe(sha256(b));
  });
});
