// Minimal zip reading/writing for building hostile files: full control over every header field
// (lying sizes, overlapping entries, encryption flags) that a normal zip library would not allow.
import { deflateRawSync, inflateRawSync, crc32 } from 'node:zlib';
import { inspectZip } from '../../shared/xlsx/zip-inspect';

export interface RawEntry {
  name: string;
  data: Uint8Array;
  /** store instead of deflate */
  stored?: boolean;
  /** overrides written into both headers, to lie about the content */
  declaredSize?: number;
  flags?: number;
  method?: number;
  /** extra field written into the local header, and into the directory when `centralExtra` is not given */
  extra?: Uint8Array;
  centralExtra?: Uint8Array;
}

/** The parts of a well-formed zip, inflated (test use only: trusted, small inputs). */
export function unzip(bytes: Uint8Array): Map<string, Uint8Array> {
  const out = new Map<string, Uint8Array>();
  for (const e of inspectZip(bytes, 10_000)) {
    const raw = bytes.subarray(e.dataStart, e.dataEnd);
    out.set(e.name, e.method === 8 ? new Uint8Array(inflateRawSync(raw)) : raw.slice());
  }
  return out;
}

/** `base`: where the zip will start in a larger file (its offsets count from there). */
export function zip(entries: readonly RawEntry[], opts: { overlapAll?: boolean; base?: number } = {}): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  const base = opts.base ?? 0;
  let offset = 0;
  let firstOffset = 0;
  entries.forEach((e, i) => {
    const name = Buffer.from(e.name, 'utf8');
    const body = e.stored ? Buffer.from(e.data) : deflateRawSync(e.data);
    const method = e.method ?? (e.stored ? 0 : 8);
    const usz = e.declaredSize ?? e.data.length;
    const crc = crc32(e.data);
    const flags = (e.flags ?? 0) | 0x800;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(usz, 22);
    local.writeUInt16LE(name.length, 26);
    const lx = Buffer.from(e.extra ?? new Uint8Array(0));
    const cx = Buffer.from(e.centralExtra ?? e.extra ?? new Uint8Array(0));
    local.writeUInt16LE(lx.length, 28);
    const at = opts.overlapAll && i > 0 ? firstOffset : offset;
    if (!(opts.overlapAll && i > 0)) {
      locals.push(local, name, lx, body);
      if (i === 0) firstOffset = offset;
      offset += 30 + name.length + lx.length + body.length;
    }
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(usz, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt16LE(cx.length, 30);
    central.writeUInt32LE(base + at, 42);
    centrals.push(central, name, cx);
  });
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(base + offset, 16);
  return new Uint8Array(Buffer.concat([...locals, cd, end]));
}

/** The parts in file order, as entries to write again. */
export function entriesOf(bytes: Uint8Array): RawEntry[] {
  return [...unzip(bytes)].map(([name, data]) => ({ name, data }));
}

/** Rebuilds a zip after changing some parts. */
export function rezip(bytes: Uint8Array, change: (parts: Map<string, Uint8Array>) => void): Uint8Array {
  const parts = unzip(bytes);
  change(parts);
  return zip([...parts].map(([name, data]) => ({ name, data })));
}

export const utf8 = (s: string) => new TextEncoder().encode(s);
export const text = (b: Uint8Array) => new TextDecoder().decode(b);
