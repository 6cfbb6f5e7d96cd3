// A minimal OLE compound file (CFB v3, 512-byte sectors) holding named, empty streams: enough to
// be an .xls ("Workbook") or a password-protected .xlsx ("EncryptionInfo" + "EncryptedPackage")
// as far as any magic-byte or directory check can tell.
const FREESECT = 0xffffffff;
const ENDOFCHAIN = 0xfffffffe;
const FATSECT = 0xfffffffd;
const NOSTREAM = 0xffffffff;

function dirEntry(name: string, type: number, child: number, right: number): Uint8Array {
  const e = new Uint8Array(128);
  const v = new DataView(e.buffer);
  for (let i = 0; i < name.length; i++) v.setUint16(i * 2, name.charCodeAt(i), true);
  v.setUint16(64, (name.length + 1) * 2, true);
  e[66] = type; // 5 root, 2 stream
  e[67] = 1; // black
  v.setUint32(68, NOSTREAM, true); // left sibling
  v.setUint32(72, right, true);
  v.setUint32(76, child, true);
  v.setUint32(116, ENDOFCHAIN, true); // start sector: empty stream
  return e;
}

export function oleFile(streams: readonly string[]): Uint8Array {
  const out = new Uint8Array(512 * 3);
  const v = new DataView(out.buffer);
  [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1].forEach((b, i) => (out[i] = b));
  v.setUint16(24, 0x3e, true);
  v.setUint16(26, 3, true);
  v.setUint16(28, 0xfffe, true);
  v.setUint16(30, 9, true);
  v.setUint16(32, 6, true);
  v.setUint32(44, 1, true); // FAT sectors
  v.setUint32(48, 1, true); // first directory sector
  v.setUint32(56, 4096, true);
  v.setUint32(60, ENDOFCHAIN, true);
  v.setUint32(68, ENDOFCHAIN, true);
  v.setUint32(76, 0, true); // DIFAT[0]: FAT in sector 0
  for (let i = 1; i < 109; i++) v.setUint32(76 + i * 4, FREESECT, true);
  // sector 0: the FAT
  for (let i = 0; i < 128; i++) v.setUint32(512 + i * 4, FREESECT, true);
  v.setUint32(512, FATSECT, true);
  v.setUint32(516, ENDOFCHAIN, true);
  // sector 1: four directory entries, streams chained as right siblings
  out.set(dirEntry('Root Entry', 5, streams.length ? 1 : NOSTREAM, NOSTREAM), 1024);
  streams.slice(0, 3).forEach((name, i) => out.set(dirEntry(name, 2, NOSTREAM, i + 2 <= Math.min(3, streams.length) ? i + 2 : NOSTREAM), 1024 + (i + 1) * 128));
  return out;
}
