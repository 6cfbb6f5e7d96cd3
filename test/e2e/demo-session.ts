// One browser session per e2e file with the demo school loaded through the UI (设置 → 载入示例学校),
// as the backup and restore tests both start. Registers its own beforeAll/afterAll.
import { afterAll, beforeAll, expect } from 'vitest';
import { openApp, type AppSession } from './harness';

export interface DemoSession {
  /** the open app; only inside tests (after beforeAll) */
  readonly app: AppSession;
  tid: AppSession['tid'];
  /** loads the demo 小学 and waits until the header shows it */
  loadDemo: () => Promise<void>;
}

export function useDemoSession(today: Date): DemoSession {
  let app: AppSession | undefined;
  beforeAll(async () => {
    app = await openApp(today);
  });
  afterAll(async () => {
    await app?.close();
  });
  const session: DemoSession = {
    get app() {
      if (!app) throw new Error('the app is opened in beforeAll: use it inside a test');
      return app;
    },
    tid: (id) => session.app.tid(id),
    loadDemo: async () => {
      await session.tid('setup-demo').click();
      await session.app.pickOption('demo-type', '小学');
      await session.tid('demo-confirm').click();
      await expect.poll(() => session.tid('school-name').textContent(), { timeout: 20_000 }).toContain('罗江区实验小学');
    },
  };
  return session;
}
