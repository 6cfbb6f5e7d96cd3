// The bundled packs, parsed and checked (zod, references) when the renderer starts. This is what
// the dev server and the tests run; the production build replaces this module with the packs
// already checked by the same code at build time (renderer/packs-plugin.ts): checking them took
// a third of the first second of a cold start, for files that cannot change after the build.
import { loadPacks, type SourceFile } from '../../shared/pack/loader';
import { packLoadError, type PackLoad } from './pack-load';

const seedFiles = import.meta.glob('../../seeds/{packs,forms}/*.json', { eager: true, import: 'default' });

/** `../../seeds/packs/luojiang.json` → `seeds/packs/luojiang.json`, the path a bureau editor knows. */
function sourcePath(globPath: string): string {
  return globPath.replace(/^(\.\.\/)+/, '');
}

export function seedSources(): SourceFile[] {
  return Object.entries(seedFiles).map(([path, json]) => ({ path: sourcePath(path), json }));
}

export function loadBundledPacks(): PackLoad {
  try {
    return { packs: loadPacks(seedSources()) };
  } catch (e) {
    return { packs: new Map(), error: packLoadError(e) };
  }
}
