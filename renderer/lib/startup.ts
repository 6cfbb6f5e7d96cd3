// What happens before the first database query: ask for persistent storage, and back the data up
// when this version of the app is about to migrate an older database (pre-migration.ts).
import { BACKUP_MIME } from '../../shared/backup/backup-file';
import { DB_NAME } from '../db/db';
import { backupBeforeMigration } from '../db/pre-migration';
import type { Platform } from '../platform';
import { requestPersistence } from './storage-status';

const pad = (n: number) => String(n).padStart(2, '0');

/** Never rejects: a backup that cannot be made must not keep the school out of its data (the upgrade itself is one transaction). */
export async function prepareDatabase(platform: Platform, now: Date = new Date()): Promise<number | undefined> {
  void requestPersistence();
  try {
    return await backupBeforeMigration({
      name: DB_NAME,
      now,
      save: async (bytes) => {
        if (platform.backups) return platform.backups.write('migration', bytes);
        const day = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
        return platform.saveFile(`校表通_升级前备份_${day}.json`, bytes, BACKUP_MIME);
      },
    });
  } catch (e) {
    console.error('升级数据库前的备份失败', e);
    return undefined;
  }
}
