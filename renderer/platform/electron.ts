// Desktop: the main process shows the native 另存为 dialog and writes the file, and keeps the
// automatic backups in its own folder (the renderer only ever names a backup, never a path).
import type { Platform, XiaobiaoBridge } from './types';

export function electronPlatform(api: XiaobiaoBridge): Platform {
  return {
    kind: 'electron',
    async saveFile(fileName, bytes) {
      const result = await api.saveReport({ fileName, bytes });
      return { saved: result.saved, path: result.path };
    },
    backups: {
      write: (reason, bytes) => api.writeBackup({ reason, bytes }),
      list: () => api.listBackups(),
      read: async (name) => (await api.readBackup({ name })).bytes,
    },
  };
}
