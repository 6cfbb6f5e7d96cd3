// Build-time constants injected by renderer/vite.config.ts (and electron.vite.config.ts).
/// <reference types="vite/client" />

declare const __APP_VERSION__: string;
