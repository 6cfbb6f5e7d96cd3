// Source- and config-level checks for checklist items that are about what the code does NOT do,
// or that only take effect at package time (fuses).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? sources(path.join(dir, d.name)) : d.name.endsWith('.ts') ? [path.join(dir, d.name)] : [],
  );
}

const electronSources = sources('electron').map((f) => ({ f, text: readFileSync(f, 'utf8') }));

describe('electron/ sources', () => {
  it.each([
    ['shell.openExternal', /openExternal/],
    ['nodeIntegration enabled', /nodeIntegration\w*\s*:\s*true/],
    ['contextIsolation disabled', /contextIsolation\s*:\s*false/],
    ['sandbox disabled', /sandbox\s*:\s*false/],
    ['webSecurity disabled', /webSecurity\s*:\s*false/],
    ['allowRunningInsecureContent enabled', /allowRunningInsecureContent\s*:\s*true/],
    ['experimentalFeatures enabled', /experimentalFeatures\s*:\s*true/],
    ['enableBlinkFeatures', /enableBlinkFeatures/],
    ['webviewTag enabled', /webviewTag\s*:\s*true/],
    ['file:// loading', /loadFile\(|loadURL\(\s*['"`]file:|pathToFileURL/],
    ['bypassCSP privilege', /bypassCSP/],
  ])('never use %s', (_what, pattern) => {
    expect(electronSources.filter(({ text }) => pattern.test(text)).map(({ f }) => f)).toEqual([]);
  });

  it('the preload imports nothing but electron and the dependency-free channel list', () => {
    const preload = readFileSync('electron/preload/index.ts', 'utf8');
    const imports = [...preload.matchAll(/^import\s+(type\s+)?[^'"]*['"]([^'"]+)['"]/gm)]
      .filter((m) => !m[1])
      .map((m) => m[2]);
    expect(imports.sort()).toEqual(['../../shared/ipc/channels', 'electron']);
    expect(readFileSync('shared/ipc/channels.ts', 'utf8')).not.toMatch(/^import /m);
  });
});

describe('build/electron-builder.yml', () => {
  const yml = readFileSync('build/electron-builder.yml', 'utf8');
  const block = (key: string): Record<string, string> => {
    const lines = yml.split('\n');
    const start = lines.findIndex((l) => l === `${key}:`);
    expect(start, key).toBeGreaterThanOrEqual(0);
    const out: Record<string, string> = {};
    for (const line of lines.slice(start + 1)) {
      if (!/^\s/.test(line) && line.trim() !== '') break;
      const m = /^\s+([\w]+):\s*(.+?)\s*$/.exec(line);
      if (m) out[m[1]!] = m[2]!;
    }
    return out;
  };

  it('flips the security fuses', () => {
    expect(block('electronFuses')).toEqual({
      runAsNode: 'false',
      enableCookieEncryption: 'true',
      enableNodeOptionsEnvironmentVariable: 'false',
      enableNodeCliInspectArguments: 'false',
      enableEmbeddedAsarIntegrityValidation: 'true',
      onlyLoadAppFromAsar: 'true',
      grantFileProtocolExtraPrivileges: 'false',
    });
  });

  it('packages into an asar with only the built app, seeds and package.json', () => {
    expect(yml).toMatch(/^asar: true$/m);
    expect(yml).toMatch(/^appId: cn\.xiaobiao\.app$/m);
    expect(yml).toMatch(/^files:\n {2}- out\/\*\*\n {2}- seeds\/\*\*\n {2}- package\.json\n/m);
    expect(block('nsis')).toMatchObject({ oneClick: 'false', allowToChangeInstallationDirectory: 'true', language: '"2052"' });
  });
});
