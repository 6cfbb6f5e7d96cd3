// Counts how many bytes a raw DEFLATE stream (RFC 1951) would inflate to, WITHOUT producing them:
// it decodes the Huffman symbols and adds up literal and copy lengths, so the work is bounded by
// the compressed size, and it stops as soon as the count passes `cap`. A zip part that lies about
// its size (declares 500 kB, inflates to 400 MB) is caught here before SheetJS's inflater — which
// would spin through every byte of the real output — ever sees it. Decoding follows zlib's
// reference decoder "puff" (canonical Huffman), with a 9-bit lookup table for the common short codes.

export class DeflateProblem extends Error {}

const LBASE = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258];
const LEXT = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
const DBASE = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577];
const DEXT = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];
const CL_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];

const FAST_BITS = 9;

interface Huffman {
  count: Uint16Array; // codes of each length 0..15
  symbol: Uint16Array; // symbols ordered by code
  /** next FAST_BITS input bits → symbol << 4 | code length, 0 for a longer code */
  fast: Uint16Array;
}

function huffman(lengths: ArrayLike<number>, n: number): Huffman {
  const count = new Uint16Array(16);
  for (let s = 0; s < n; s++) count[lengths[s]!]!++;
  let left = 1;
  for (let len = 1; len < 16; len++) {
    left = (left << 1) - count[len]!;
    if (left < 0) throw new DeflateProblem('Huffman 编码超额');
  }
  const offs = new Uint16Array(16);
  for (let len = 1; len < 15; len++) offs[len + 1] = offs[len]! + count[len]!;
  const symbol = new Uint16Array(n);
  for (let s = 0; s < n; s++) if (lengths[s]) symbol[offs[lengths[s]!]!++] = s;
  // canonical codes are sent most significant bit first: index the table by the reversed code
  const next = new Uint16Array(16);
  for (let len = 1, code = 0; len < 16; len++) {
    code = (code + (len > 1 ? count[len - 1]! : 0)) << 1; // count[0] counts unused symbols
    next[len] = code;
  }
  const fast = new Uint16Array(1 << FAST_BITS);
  for (let s = 0; s < n; s++) {
    const len = lengths[s]!;
    if (!len) continue;
    const code = next[len]!++;
    if (len > FAST_BITS) continue;
    let rev = 0;
    for (let i = 0; i < len; i++) rev |= ((code >> i) & 1) << (len - 1 - i);
    for (let k = rev; k < fast.length; k += 1 << len) fast[k] = (s << 4) | len;
  }
  return { count, symbol, fast };
}

const FIXED = (() => {
  const l = new Uint8Array(288);
  l.fill(8, 0, 144).fill(9, 144, 256).fill(7, 256, 280).fill(8, 280, 288);
  return { len: huffman(l, 288), dist: huffman(new Uint8Array(30).fill(5), 30) };
})();

/** Inflated size of `data` (a raw deflate stream), or cap + 1 as soon as it would exceed `cap`. */
export function inflatedSize(data: Uint8Array, cap: number): number {
  return run(data, cap);
}

/**
 * `data` inflated, when it inflates to exactly `size` bytes; undefined otherwise (more or fewer).
 * The same decoder writing the bytes out: the report reader inflates each part once, bounded by its
 * declared size, instead of counting it here and letting SheetJS inflate it again.
 */
export function inflateExact(data: Uint8Array, size: number): Uint8Array | undefined {
  const buf = new Uint8Array(size);
  return run(data, size, buf) === size ? buf : undefined;
}

function run(data: Uint8Array, cap: number, buf?: Uint8Array): number {
  let pos = 0;
  let bitbuf = 0;
  let bitcnt = 0;
  let out = 0;
  const bits = (need: number): number => {
    while (bitcnt < need) {
      if (pos >= data.length) throw new DeflateProblem('压缩数据不完整');
      bitbuf |= data[pos++]! << bitcnt;
      bitcnt += 8;
    }
    const val = bitbuf & ((1 << need) - 1);
    bitbuf >>>= need;
    bitcnt -= need;
    return val;
  };
  const decode = (h: Huffman): number => {
    while (bitcnt < FAST_BITS && pos < data.length) {
      bitbuf |= data[pos++]! << bitcnt;
      bitcnt += 8;
    }
    const hit = h.fast[bitbuf & ((1 << FAST_BITS) - 1)]!;
    if (hit && (hit & 15) <= bitcnt) {
      bitbuf >>>= hit & 15;
      bitcnt -= hit & 15;
      return hit >> 4;
    }
    let code = 0, first = 0, index = 0;
    for (let len = 1; len < 16; len++) {
      code |= bits(1);
      const count = h.count[len]!;
      if (code - count < first) return h.symbol[index + (code - first)]!;
      index += count;
      first = (first + count) << 1;
      code <<= 1;
    }
    throw new DeflateProblem('无效的 Huffman 编码');
  };
  const dynamic = (): { len: Huffman; dist: Huffman } => {
    const nlen = bits(5) + 257, ndist = bits(5) + 1, ncode = bits(4) + 4;
    if (nlen > 286 || ndist > 30) throw new DeflateProblem('编码表过长');
    const lengths = new Uint8Array(320);
    for (let i = 0; i < ncode; i++) lengths[CL_ORDER[i]!] = bits(3);
    const lencode = huffman(lengths, 19);
    lengths.fill(0);
    for (let i = 0; i < nlen + ndist; ) {
      const sym = decode(lencode);
      if (sym < 16) { lengths[i++] = sym; continue; }
      let len = 0, rep: number;
      if (sym === 16) {
        if (i === 0) throw new DeflateProblem('重复码没有前值');
        len = lengths[i - 1]!;
        rep = 3 + bits(2);
      } else rep = sym === 17 ? 3 + bits(3) : 11 + bits(7);
      if (i + rep > nlen + ndist) throw new DeflateProblem('编码长度过多');
      while (rep--) lengths[i++] = len;
    }
    if (!lengths[256]) throw new DeflateProblem('缺少块结束码');
    return { len: huffman(lengths, nlen), dist: huffman(lengths.subarray(nlen), ndist) };
  };

  let last = 0;
  while (!last) {
    last = bits(1);
    const type = bits(2);
    if (type === 0) {
      // a stored block starts on a byte boundary: drop the partial byte, give back whole ones read ahead
      pos -= bitcnt >> 3;
      bitbuf = 0;
      bitcnt = 0;
      if (pos + 4 > data.length) throw new DeflateProblem('压缩数据不完整');
      const len = data[pos]! | (data[pos + 1]! << 8);
      const nlen = data[pos + 2]! | (data[pos + 3]! << 8);
      if (len !== (~nlen & 0xffff)) throw new DeflateProblem('存储块长度校验不符');
      if (pos + 4 + len > data.length) throw new DeflateProblem('压缩数据不完整');
      if (buf) {
        if (out + len > cap) return cap + 1;
        buf.set(data.subarray(pos + 4, pos + 4 + len), out);
      }
      pos += 4 + len;
      out += len;
    } else if (type === 3) throw new DeflateProblem('无效的块类型');
    else {
      const { len: lc, dist: dc } = type === 1 ? FIXED : dynamic();
      for (;;) {
        let sym = decode(lc);
        if (sym < 256) {
          if (buf) {
            if (out >= cap) return cap + 1;
            buf[out] = sym;
          }
          out++;
        } else if (sym === 256) break;
        else {
          sym -= 257;
          if (sym >= 29) throw new DeflateProblem('无效的长度码');
          const len = LBASE[sym]! + bits(LEXT[sym]!);
          const d = decode(dc);
          if (d >= 30) throw new DeflateProblem('无效的距离码');
          const dist = DBASE[d]! + bits(DEXT[d]!);
          if (dist > out) throw new DeflateProblem('距离超出已解压的数据');
          if (buf) {
            if (out + len > cap) return cap + 1;
            // byte by byte: a copy may overlap its own output (distance < length)
            for (let k = 0; k < len; k++) buf[out + k] = buf[out - dist + k]!;
          }
          out += len;
        }
        if (out > cap) return cap + 1;
      }
    }
    if (out > cap) return cap + 1;
  }
  return out;
}
