/**
 * electron-vite build: out/main/index.js (ESM), out/preload/index.cjs (CJS —
 * sandboxed preloads cannot be ES modules), out/renderer (React, base './').
 *
 * Vite 8 bundles with Rolldown: the option is `build.rolldownOptions`
 * (`rollupOptions` is only a deprecated alias, and electron-vite 6 overwrites
 * it with `rolldownOptions`).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { cspPlugin } from './renderer/csp';
import { prebuiltPacksPlugin } from './renderer/packs-plugin';

const pkg = JSON.parse(readFileSync(resolve('package.json'), 'utf8')) as { version: string };

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // Bundle the few runtime deps (zod) so the main process needs no node_modules.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve('electron/main/index.ts') },
        output: { format: 'es', entryFileNames: '[name].js' },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload can only require('electron'): bundle everything else.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve('electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve('renderer'),
    base: './',
    // Same plugins/defines as renderer/vite.config.ts (web build; prebuiltPacksPlugin checks the
    // packs at build time); cspPlugin adds a <meta> CSP
    // on top of the header the main process sends (electron/main/security.ts).
    plugins: [react(), cspPlugin(), prebuiltPacksPlugin()],
    define: { __APP_VERSION__: JSON.stringify(pkg.version) },
    build: {
      outDir: resolve('out/renderer'),
      emptyOutDir: true,
      chunkSizeWarningLimit: 3000,
      rolldownOptions: {
        input: resolve('renderer/index.html'),
      },
    },
  },
});
