// inflatedSize counts what zlib would inflate, for every kind of block, without inflating; it
// stops at the cap and refuses a corrupt stream instead of looping.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { deflateRawSync } from 'node:zlib';
import { DeflateProblem, inflatedSize } from '../../shared/xlsx/deflate-count';

const data = fc.oneof(
  fc.uint8Array({ maxLength: 100_000 }), // incompressible: stored and dynamic blocks
  fc.string({ maxLength: 5000 }).map((s) => new TextEncoder().encode(s.repeat(20))), // long back-references
  fc.integer({ min: 0, max: 300_000 }).map((n) => new Uint8Array(n)), // runs: the zip bomb shape
);

describe('inflatedSize', () => {
  it('equals the inflated length for zlib streams of every level (fixed, dynamic and stored blocks)', () => {
    fc.assert(
      fc.property(data, fc.constantFrom(0, 1, 6, 9), fc.constantFrom(0, 1), (bytes, level, strategy) => {
        const stream = deflateRawSync(bytes, { level, strategy: strategy ? 4 /* Z_FIXED */ : 0 });
        expect(inflatedSize(stream, Number.MAX_SAFE_INTEGER)).toBe(bytes.length);
      }),
      { seed: 42, numRuns: 150 },
    );
  });

  it('stops as soon as the count passes the cap', () => {
    const bomb = deflateRawSync(new Uint8Array(64 * 1024 * 1024));
    expect(inflatedSize(bomb, 1000)).toBe(1001);
    expect(inflatedSize(bomb, Number.MAX_SAFE_INTEGER)).toBe(64 * 1024 * 1024);
    // proof that it stopped rather than ran to the end: the same bomb cut short is only refused
    // by a count that reads on to the cut
    const cut = bomb.subarray(0, bomb.length - 8);
    expect(inflatedSize(cut, 1000)).toBe(1001);
    expect(() => inflatedSize(cut, Number.MAX_SAFE_INTEGER)).toThrow(DeflateProblem);
  });

  it('refuses truncated or garbled streams with a problem, never a loop or a crash', () => {
    const stream = deflateRawSync(new TextEncoder().encode('校表通'.repeat(1000)));
    for (let at = 0; at < stream.length; at++) expect(() => inflatedSize(stream.subarray(0, at), 1e9)).toThrow(DeflateProblem);
    expect(() => inflatedSize(new Uint8Array([0x07]), 1e9)).toThrow('无效的块类型');
    expect(() => inflatedSize(new Uint8Array([0x01, 5, 0, 5, 0, 1, 2, 3, 4, 5]), 1e9)).toThrow('存储块长度校验不符');
  });
});
