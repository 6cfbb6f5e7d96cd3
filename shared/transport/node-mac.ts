// node:crypto behind MacProvider, for the CLI and Electron main (never imported by the renderer).
import { createHash, createHmac, hkdfSync } from 'node:crypto';
import type { MacProvider } from './mac';

export function nodeMac(): MacProvider {
  return {
    hmacSha256: async (key, data) => new Uint8Array(createHmac('sha256', key).update(data).digest()),
    hkdfSha256: async (ikm, salt, info, length) => new Uint8Array(hkdfSync('sha256', ikm, salt, info, length)),
    sha256: async (data) => new Uint8Array(createHash('sha256').update(data).digest()),
  };
}
