// Desktop: the main process shows the native 另存为 dialog and writes the file.
import type { Platform, XiaobiaoBridge } from './types';

export function electronPlatform(api: XiaobiaoBridge): Platform {
  return {
    kind: 'electron',
    async saveFile(fileName, bytes) {
      const result = await api.saveReport({ fileName, bytes });
      return { saved: result.saved, path: result.path };
    },
  };
}
