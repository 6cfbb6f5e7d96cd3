import type { XiaobiaoBridge } from './contract';

declare global {
  interface Window {
    /** Present only inside the Electron app (exposed by electron/preload); absent in the web build. */
    xiaobiao?: XiaobiaoBridge;
  }
}

export {};
