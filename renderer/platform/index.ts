// Picks the host once: the Electron preload defines window.xiaobiao before any renderer code runs.
import { electronPlatform } from './electron';
import { bridge, type Platform } from './types';
import { webPlatform } from './web';

export type { Platform, SaveResult } from './types';

export function detectPlatform(): Platform {
  const api = bridge();
  return api ? electronPlatform(api) : webPlatform;
}

export const platform: Platform = detectPlatform();
