// Reads a zip container's central directory and local headers WITHOUT inflating anything, so a
// zip bomb or a truncated file is refused before SheetJS allocates or decompresses a byte.
// It walks the directory exactly as SheetJS does (the last end-of-central-directory record,
// its "entries on this disk" count and directory offset; sizes from the local header), so what
// is checked here is what SheetJS would read.

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  /** sizes SheetJS will use: the local header's, or the directory's when a data descriptor follows */
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
const MAX_COMMENT = 0xffff;

function u16(b: Uint8Array, at: number): number {
  return b[at]! | (b[at + 1]! << 8);
}
function u32(b: Uint8Array, at: number): number {
  return (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;
}

function findEocd(b: Uint8Array): number {
  const lowest = Math.max(0, b.length - 22 - MAX_COMMENT);
  for (let i = b.length - 22; i >= lowest; i--) if (u32(b, i) === EOCD) return i;
  return -1;
}

function decodeName(raw: Uint8Array): string {
  // the names that matter ([Content_Types].xml, xl/…, mimetype) are ASCII; others only need to be printable
  let s = '';
  for (const c of raw) s += c < 0x20 || c > 0x7e ? '?' : String.fromCharCode(c);
  return s;
}

const truncated = () => new ZipProblem('ZIP 结构不完整（文件可能被截断或已损坏）');

/** Every entry of the zip, checked for truncation, overlap and unsupported features. */
export function inspectZip(b: Uint8Array, maxEntries: number): ZipEntry[] {
  const eocd = findEocd(b);
  if (eocd < 0) throw truncated();
  const onDisk = u16(b, eocd + 8);
  const total = u16(b, eocd + 10);
  const cdOffset = u32(b, eocd + 16);
  if (onDisk === 0xffff || cdOffset === 0xffffffff) throw new ZipProblem('是 ZIP64 格式（超过 4 GB 或 65535 个部件），不是普通的 Excel 工作簿');
  if (onDisk !== total || u16(b, eocd + 4) !== 0 || u16(b, eocd + 6) !== 0) throw new ZipProblem('是分卷 ZIP，不是 Excel 工作簿');
  if (onDisk > maxEntries) throw new ZipProblem(`包含 ${onDisk} 个部件，超过上限 ${maxEntries} 个`);
  if (cdOffset > eocd) throw truncated();

  const entries: ZipEntry[] = [];
  let p = cdOffset;
  for (let i = 0; i < onDisk; i++) {
    if (p + 46 > eocd || u32(b, p) !== CEN) throw truncated();
    const flags = u16(b, p + 8);
    const method = u16(b, p + 10);
    const cdCompressed = u32(b, p + 20);
    const cdUncompressed = u32(b, p + 24);
    const nameLen = u16(b, p + 28);
    const extraLen = u16(b, p + 30);
    const commentLen = u16(b, p + 32);
    const localAt = u32(b, p + 42);
    if (p + 46 + nameLen > eocd) throw truncated();
    const name = decodeName(b.subarray(p + 46, p + 46 + nameLen));
    p += 46 + nameLen + extraLen + commentLen;

    if (flags & 0x2041) throw new ZipProblem('已加密（设置了打开密码），请在 Excel/WPS 中取消密码后另存为 .xlsx');
    if (method !== 0 && method !== 8) throw new ZipProblem(`部件“${name}”使用了不支持的压缩方式 ${method}`);
    if (cdCompressed === 0xffffffff || cdUncompressed === 0xffffffff)
      throw new ZipProblem(`部件“${name}”声明超过 4 GB，不是普通的 Excel 工作簿`);
    if (localAt + 30 > cdOffset || u32(b, localAt) !== LOC) throw truncated();
    const localCompressed = u32(b, localAt + 18);
    const localUncompressed = u32(b, localAt + 22);
    const dataStart = localAt + 30 + u16(b, localAt + 26) + u16(b, localAt + 28);
    // with a data descriptor (flag bit 3) the local sizes may be zero; otherwise they must agree,
    // or the directory checked here would not be what SheetJS inflates
    const described = (flags & 0x8) !== 0 && localCompressed === 0 && localUncompressed === 0;
    if (!described && (localCompressed !== cdCompressed || localUncompressed !== cdUncompressed))
      throw new ZipProblem(`部件“${name}”的大小前后不一致（文件已损坏或被改动）`);
    const dataEnd = dataStart + cdCompressed;
    if (dataEnd > cdOffset) throw truncated();
    entries.push({ name, method, flags, compressed: cdCompressed, uncompressed: cdUncompressed, dataStart, dataEnd });
  }
  // entries that share bytes are the classic overlapping zip bomb: one small stream counted many times
  const byStart = [...entries].sort((x, y) => x.dataStart - y.dataStart);
  for (let i = 1; i < byStart.length; i++)
    if (byStart[i]!.dataStart < byStart[i - 1]!.dataEnd) throw new ZipProblem('部件相互重叠（压缩炸弹或已损坏）');
  return entries;
}
