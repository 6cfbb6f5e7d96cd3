// The outcome of loading the bundled packs, shared by the runtime loader (packs-source.ts) and
// the build-time one (renderer/packs-plugin.ts), so a broken pack reads the same either way.
import { PackError } from '../../shared/pack/loader';
import type { Pack } from '../../shared/pack/schema';

export interface PackLoad {
  packs: Map<string, Pack>;
  /** set when the bundled packs cannot be loaded; the app shows it instead of the workspace */
  error?: string;
}

export function packLoadError(e: unknown): string {
  return e instanceof PackError ? e.message : `报表包读取失败：${String((e as Error)?.message ?? e)}`;
}
