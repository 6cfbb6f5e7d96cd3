// The bureau packs bundled with the app. They are read once, when the renderer starts:
// a pack with a mistake must show up as a clear message, not as a blank window.
import type { Pack } from '../../shared/pack/schema';
import { loadBundledPacks } from './packs-source';
import type { PackLoad } from './pack-load';

export type { PackLoad } from './pack-load';

export const packLoad: PackLoad = loadBundledPacks();

export function packList(): Pack[] {
  return [...packLoad.packs.values()];
}

export function getPack(id: string | undefined): Pack | undefined {
  return id ? packLoad.packs.get(id) : undefined;
}
