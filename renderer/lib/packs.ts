// The bureau packs bundled with the app. They are read once, when the renderer starts:
// a pack with a mistake must show up as a clear message, not as a blank window.
import { loadPacks, PackError, type SourceFile } from '../../shared/pack/loader';
import type { Pack } from '../../shared/pack/schema';

const seedFiles = import.meta.glob('../../seeds/{packs,forms}/*.json', { eager: true, import: 'default' });

/** `../../seeds/packs/luojiang.json` → `seeds/packs/luojiang.json`, the path a bureau editor knows. */
function sourcePath(globPath: string): string {
  return globPath.replace(/^(\.\.\/)+/, '');
}

export function seedSources(): SourceFile[] {
  return Object.entries(seedFiles).map(([path, json]) => ({ path: sourcePath(path), json }));
}

export interface PackLoad {
  packs: Map<string, Pack>;
  /** set when the bundled packs cannot be loaded; the app shows it instead of the workspace */
  error?: string;
}

function load(): PackLoad {
  try {
    return { packs: loadPacks(seedSources()) };
  } catch (e) {
    const error = e instanceof PackError ? e.message : `报表包读取失败：${String((e as Error)?.message ?? e)}`;
    return { packs: new Map(), error };
  }
}

export const packLoad: PackLoad = load();

export function packList(): Pack[] {
  return [...packLoad.packs.values()];
}

export function getPack(id: string | undefined): Pack | undefined {
  return id ? packLoad.packs.get(id) : undefined;
}
