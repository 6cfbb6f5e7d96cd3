// Production builds check the bundled packs at build time, with the same loader the app runs
// (zod schemas, references), and ship the result as one JSON string: the renderer then parses
// JSON instead of validating ~250 kB of pack files on every start. A pack with a mistake gives
// the same Chinese message on the same error page as before (and a warning in the build log).
// The dev server and the tests keep validating at runtime (renderer/lib/packs-source.ts).
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { readSeedFiles } from '../shared/cli/seeds';
import { loadPacks } from '../shared/pack/loader';
import { packLoadError } from './lib/pack-load';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const SOURCE = resolve(HERE, 'lib', 'packs-source.ts');

export function prebuiltPacksPlugin(repoRoot = resolve(HERE, '..')): Plugin {
  return {
    name: 'xiaobiao-prebuilt-packs',
    apply: 'build',
    load(id) {
      if (resolve(id.split('?')[0]!) !== SOURCE) return null;
      let body: string;
      try {
        const entries = [...loadPacks(readSeedFiles(repoRoot))];
        body = `return { packs: new Map(JSON.parse(${JSON.stringify(JSON.stringify(entries))})) };`;
      } catch (e) {
        const error = packLoadError(e);
        this.warn(error);
        body = `return { packs: new Map(), error: ${JSON.stringify(error)} };`;
      }
      return `export function loadBundledPacks() { ${body} }\n`;
    },
  };
}
