// Reads a zip container's central directory and local headers WITHOUT inflating anything, so a
// zip bomb or a truncated file is refused before SheetJS allocates or decompresses a byte.
// A zip must also read ONE way: SheetJS takes the last end-of-central-directory record and then
// trusts each LOCAL header (its name, sizes and ZIP64 extra), Excel the central directory, a
// streaming reader the local headers in file order. So the file must be exactly one record after
// another — local header, data (, descriptor), the next… from byte 0, then the directory, then
// the end record reaching the last byte — with every local header saying what the directory says,
// no name twice (Excel and SheetJS look names up ignoring case), no ZIP64 field and no
// alternative name (the Info-ZIP Unicode path) that one reader would use and another not.

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  /** sizes SheetJS will use (local = directory, checked below) */
  compressed: number;
  uncompressed: number;
  dataStart: number;
  dataEnd: number;
}

/** A structural problem, in Chinese, without the file name (the caller adds it). */
export class ZipProblem extends Error {}

const EOCD = 0x06054b50;
const CEN = 0x02014b50;
const LOC = 0x04034b50;
const DESC = 0x08074b50;
const ZIP64_LOCATOR = 0x07064b50;
const MAX_COMMENT = 0xffff;
/** extra-field ids that change what a reader takes for the name or the sizes */
const FORBIDDEN_EXTRA: Record<number, string> = { 0x0001: 'ZIP64 大小字段', 0x7075: 'Unicode 路径字段（另一个文件名）' };

function u16(b: Uint8Array, at: number): number {
  return b[at]! | (b[at + 1]! << 8);
}
function u32(b: Uint8Array, at: number): number {
  return (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;
}

/** The last end record, searched back from the end as SheetJS does (from the last 4 bytes). */
function findEocd(b: Uint8Array): number {
  const lowest = Math.max(0, b.length - 22 - MAX_COMMENT);
  for (let i = b.length - 4; i >= lowest; i--) if (b[i] === 0x50 && u32(b, i) === EOCD) return i;
  return -1;
}

function decodeName(raw: Uint8Array): string {
  let s = '';
  for (const c of raw) s += c < 0x20 || c > 0x7e ? '?' : String.fromCharCode(c);
  return s;
}

function sameBytes(b: Uint8Array, x: number, y: number, n: number): boolean {
  for (let i = 0; i < n; i++) if (b[x + i] !== b[y + i]) return false;
  return true;
}

const truncated = () => new ZipProblem('ZIP 结构不完整（文件可能被截断或已损坏）');
const twoWays = (what: string) => new ZipProblem(`ZIP 结构有歧义：${what}——不同的程序会读出不同的内容（文件被改动过）`);

/** Refuses an extra field that is malformed or that one reader would follow and another ignore. */
function checkExtra(b: Uint8Array, from: number, to: number, name: string): void {
  let p = from;
  while (p < to) {
    if (p + 4 > to) throw twoWays(`部件“${name}”的扩展字段格式错误`);
    const id = u16(b, p);
    const len = u16(b, p + 2);
    if (p + 4 + len > to) throw twoWays(`部件“${name}”的扩展字段超出范围`);
    const why = FORBIDDEN_EXTRA[id];
    if (why) throw twoWays(`部件“${name}”带有${why}`);
    p += 4 + len;
  }
}

/** The key two readers would both find a part under: Excel and SheetJS ignore case and `\` vs `/`. */
export function partKey(name: string): string {
  return name.replace(/\\/g, '/').replace(/^\/+/, '').toLowerCase();
}

interface Central {
  name: string;
  at: number; // the name's offset in the directory record
  nameLen: number;
  flags: number;
  method: number;
  crc: number;
  compressed: number;
  uncompressed: number;
  localAt: number;
}

/** Every entry of the zip, checked for truncation, overlap, gaps, disagreement and unsupported features. */
export function inspectZip(b: Uint8Array, maxEntries: number): ZipEntry[] {
  const eocd = findEocd(b);
  if (eocd < 0 || eocd + 22 > b.length) throw truncated();
  const onDisk = u16(b, eocd + 8);
  const total = u16(b, eocd + 10);
  const cdSize = u32(b, eocd + 12);
  const cdOffset = u32(b, eocd + 16);
  const commentLen = u16(b, eocd + 20);
  if (onDisk === 0xffff || cdOffset === 0xffffffff || cdSize === 0xffffffff || (eocd >= 20 && u32(b, eocd - 20) === ZIP64_LOCATOR))
    throw new ZipProblem('是 ZIP64 格式（超过 4 GB 或 65535 个部件），不是普通的 Excel 工作簿');
  if (onDisk !== total || u16(b, eocd + 4) !== 0 || u16(b, eocd + 6) !== 0) throw new ZipProblem('是分卷 ZIP，不是 Excel 工作簿');
  if (onDisk > maxEntries) throw new ZipProblem(`包含 ${onDisk} 个部件，超过上限 ${maxEntries} 个`);
  if (cdOffset > eocd) throw truncated();
  // the end record must end the file: bytes after it (or a comment of another length) are a second reading
  const after = b.length - eocd - 22 - commentLen;
  if (after > 0) throw twoWays(`目录结束记录之后还有 ${after} 字节的多余内容`);
  if (after < 0) throw twoWays('目录结束记录声明的注释长度与文件长度不符');
  if (cdOffset + cdSize !== eocd) throw twoWays('中央目录与目录结束记录之间有空隙或重叠');

  const centrals: Central[] = [];
  let p = cdOffset;
  for (let i = 0; i < onDisk; i++) {
    if (p + 46 > eocd || u32(b, p) !== CEN) throw truncated();
    const nameLen = u16(b, p + 28);
    const extraLen = u16(b, p + 30);
    const commentLen1 = u16(b, p + 32);
    if (p + 46 + nameLen + extraLen + commentLen1 > eocd) throw truncated();
    const c: Central = {
      name: decodeName(b.subarray(p + 46, p + 46 + nameLen)), at: p + 46, nameLen, flags: u16(b, p + 8), method: u16(b, p + 10),
      crc: u32(b, p + 16), compressed: u32(b, p + 20), uncompressed: u32(b, p + 24), localAt: u32(b, p + 42),
    };
    checkExtra(b, p + 46 + nameLen, p + 46 + nameLen + extraLen, c.name);
    p += 46 + nameLen + extraLen + commentLen1;
    if (c.flags & 0x2041) throw new ZipProblem('已加密（设置了打开密码），请在 Excel/WPS 中取消密码后另存为 .xlsx');
    if (c.method !== 0 && c.method !== 8) throw new ZipProblem(`部件“${c.name}”使用了不支持的压缩方式 ${c.method}`);
    if (c.compressed === 0xffffffff || c.uncompressed === 0xffffffff || c.localAt === 0xffffffff)
      throw new ZipProblem(`部件“${c.name}”声明超过 4 GB，不是普通的 Excel 工作簿`);
    // names are decoded as UTF-8, CP437 or Latin-1 depending on the reader: only ASCII reads one way
    if (c.name.includes('?')) throw twoWays(`部件名“${c.name}”含有非 ASCII 或控制字符`);
    centrals.push(c);
  }
  if (p !== eocd) throw twoWays('中央目录的记录数与目录结束记录不符');

  const seen = new Map<string, string>();
  for (const c of centrals) {
    const key = partKey(c.name);
    const first = seen.get(key);
    if (first !== undefined) throw twoWays(first === c.name ? `部件“${c.name}”出现了两次` : `部件“${first}”与“${c.name}”同名（只差大小写或斜杠）`);
    seen.set(key, c.name);
  }

  // walk the local records in file order: each must start where the previous ended, from byte 0
  const entries: ZipEntry[] = [];
  let next = 0;
  for (const c of [...centrals].sort((x, y) => x.localAt - y.localAt)) {
    if (c.localAt !== next) throw c.localAt < next ? new ZipProblem('部件相互重叠（压缩炸弹或已损坏）') : twoWays(`部件“${c.name}”之前有 ${c.localAt - next} 字节不属于任何部件`);
    const L = c.localAt;
    if (L + 30 > cdOffset || u32(b, L) !== LOC) throw truncated();
    const flags = u16(b, L + 6);
    const method = u16(b, L + 8);
    const crc = u32(b, L + 14);
    const compressed = u32(b, L + 18);
    const uncompressed = u32(b, L + 22);
    const nameLen = u16(b, L + 26);
    const extraLen = u16(b, L + 28);
    const dataStart = L + 30 + nameLen + extraLen;
    if (dataStart > cdOffset) throw truncated();
    if (nameLen !== c.nameLen || !sameBytes(b, L + 30, c.at, nameLen))
      throw twoWays(`部件“${c.name}”的本地文件头中名称为“${decodeName(b.subarray(L + 30, L + 30 + nameLen))}”`);
    checkExtra(b, L + 30 + nameLen, dataStart, c.name);
    if (flags !== c.flags || method !== c.method) throw twoWays(`部件“${c.name}”的本地文件头与中央目录的压缩方式或标志不同`);
    // with a data descriptor (flag bit 3) the local crc and sizes may be zero, the descriptor then says them
    const described = (flags & 0x8) !== 0;
    const zeroLocal = compressed === 0 && uncompressed === 0 && crc === 0;
    if ((!described || !zeroLocal) && (compressed !== c.compressed || uncompressed !== c.uncompressed || crc !== c.crc))
      throw new ZipProblem(`部件“${c.name}”的大小前后不一致（文件已损坏或被改动）`);
    const dataEnd = dataStart + c.compressed;
    if (dataEnd > cdOffset) throw truncated();
    next = dataEnd;
    if (described) {
      const sig = dataEnd + 4 <= cdOffset && u32(b, dataEnd) === DESC ? 4 : 0;
      const d = dataEnd + sig;
      if (d + 12 > cdOffset) throw truncated();
      if (u32(b, d) !== c.crc || u32(b, d + 4) !== c.compressed || u32(b, d + 8) !== c.uncompressed)
        throw new ZipProblem(`部件“${c.name}”的大小前后不一致（文件已损坏或被改动）`);
      next = d + 12;
    }
    entries.push({ name: c.name, method, flags, compressed: c.compressed, uncompressed: c.uncompressed, dataStart, dataEnd });
  }
  if (next !== cdOffset) throw twoWays(`最后一个部件与中央目录之间有 ${cdOffset - next} 字节不属于任何部件`);
  // a comment holding another record's signature would be taken for the end record by a backward search
  for (let i = eocd + 22; i + 4 <= b.length; i++)
    if (b[i] === 0x50 && b[i + 1] === 0x4b && b[i + 2]! < 8 && b[i + 3]! < 9) throw twoWays('ZIP 注释中藏有另一个 ZIP 记录');
  return entries;
}
