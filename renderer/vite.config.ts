// Web build of the renderer (the same code electron-vite builds for the desktop app).
// Everything is relative (base './') so the output runs from file://, a USB stick or any sub-path.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { cspPlugin } from './csp';
import { prebuiltPacksPlugin } from './packs-plugin';

const root = fileURLToPath(new URL('.', import.meta.url));
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };

export default defineConfig({
  root,
  base: './',
  plugins: [react(), cspPlugin(), prebuiltPacksPlugin()],
  define: { __APP_VERSION__: JSON.stringify(pkg.version) },
  build: {
    outDir: '../dist-web',
    emptyOutDir: true,
    // antd alone is ~1 MB; the app is loaded from disk, never over a slow network
    chunkSizeWarningLimit: 3000,
  },
  server: { port: 5173, strictPort: false },
  preview: { port: 4173, strictPort: false },
});
