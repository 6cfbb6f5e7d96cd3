// Whether the browser may evict our IndexedDB under storage pressure (persist()), and how full the
// storage is (estimate()). The school's data has no other copy unless a backup was made, so the
// answer is shown to the user and a nearly full disk is warned about before a save fails.

/** The part of navigator.storage used here; absent on old browsers and insecure origins. */
export type StorageApi = Pick<StorageManager, 'persist' | 'persisted' | 'estimate'>;

export interface StorageState {
  /** true: the browser agreed not to evict; false: it may; undefined: cannot tell */
  persisted?: boolean;
  usage?: number;
  quota?: number;
}

const MB = 1024 * 1024;
export const WARN_USED_RATIO = 0.8;
export const WARN_FREE_BYTES = 50 * MB;

function api(): StorageApi | undefined {
  return typeof navigator === 'undefined' ? undefined : navigator.storage;
}

let asked: Promise<boolean | undefined> | undefined;

/** Asks once per page load (start-app.tsx, at start); later calls get the same answer. */
export function requestPersistence(storage: StorageApi | undefined = api()): Promise<boolean | undefined> {
  asked ??= storage?.persist ? storage.persist().catch(() => undefined) : Promise.resolve(undefined);
  return asked;
}

/** For tests: forget the cached answer. */
export function resetPersistenceRequest(): void {
  asked = undefined;
}

export async function readStorageState(storage: StorageApi | undefined = api()): Promise<StorageState> {
  if (!storage) return {};
  const [persisted, estimate] = await Promise.all([
    storage.persisted ? storage.persisted().catch(() => undefined) : undefined,
    storage.estimate ? storage.estimate().catch(() => undefined) : undefined,
  ]);
  return { persisted, usage: estimate?.usage, quota: estimate?.quota };
}

export function formatMb(bytes: number): string {
  return bytes >= 1024 * MB ? `${(bytes / 1024 / MB).toFixed(1)} GB` : `${Math.max(0.1, bytes / MB).toFixed(1)} MB`;
}

/** A Chinese warning when more than 80 % is used or less than 50 MB is free; undefined when there is room. */
export function storageWarning({ usage, quota }: StorageState): string | undefined {
  if (usage === undefined || !quota) return undefined;
  const free = Math.max(0, quota - usage);
  if (usage / quota <= WARN_USED_RATIO && free >= WARN_FREE_BYTES) return undefined;
  return `本机存储空间快用完了：已用 ${formatMb(usage)}，只剩 ${formatMb(free)}。空间用完后修改将无法保存，请先下载一份备份，再清理磁盘空间。`;
}

/** The persist() answer in words, for the 数据与备份 dialog. */
export function persistText(persisted: boolean | undefined, kind: 'electron' | 'web'): string {
  if (kind === 'electron') return '数据保存在本机的校表通用户目录中，不会被自动清除';
  if (persisted) return '浏览器已同意长期保存';
  return '未获长期保存许可：浏览器在磁盘空间不足时可能清除本机数据，请定期下载备份';
}
