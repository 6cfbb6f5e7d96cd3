// The web build the Chromium benches drive: XB_DIST_WEB when set, else a fresh build of the
// current code into a temporary folder, made once per run — a dist-web left over from an older
// checkout would time old code.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../../shared/cli/seeds';

let built: string | undefined;

export function benchWebBuild(): string {
  if (process.env.XB_DIST_WEB) return process.env.XB_DIST_WEB;
  if (!built) {
    const dir = mkdtempSync(join(tmpdir(), 'xiaobiao-bench-web-'));
    execFileSync('npx', ['vite', 'build', '--config', 'renderer/vite.config.ts', '--outDir', dir, '--emptyOutDir'], { cwd: REPO_ROOT, stdio: 'ignore' });
    process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
    built = dir;
  }
  // the e2e harness, imported after this, serves the build it names
  process.env.XB_DIST_WEB = built;
  return built;
}
