// Loads the bundled packs from seeds/ on disk (the app bundles the same files with Vite).
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadPacks, type SourceFile } from '../pack/loader';
import type { Pack } from '../pack/schema';

export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SEED_DIRS = ['seeds/forms', 'seeds/packs'];

export function readSeedFiles(root = REPO_ROOT, dirs = SEED_DIRS): SourceFile[] {
  const files: SourceFile[] = [];
  for (const dir of dirs) {
    for (const name of readdirSync(join(root, dir)).filter((n) => n.endsWith('.json')).sort()) {
      const full = join(root, dir, name);
      const path = relative(root, full).split('\\').join('/');
      let json: unknown;
      try {
        json = JSON.parse(readFileSync(full, 'utf8'));
      } catch (e) {
        throw new Error(`${path}：不是有效的 JSON（${(e as Error).message}）`);
      }
      files.push({ path, json });
    }
  }
  return files;
}

let cached: Map<string, Pack> | undefined;
export function seedPacks(): Map<string, Pack> {
  cached ??= loadPacks(readSeedFiles());
  return cached;
}

export function appVersion(): string {
  return (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}
