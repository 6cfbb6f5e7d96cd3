import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  APP_SCHEME_DEFINITION,
  createAppProtocolHandler,
  mimeTypeFor,
  registerAppScheme,
  resolveInsideRoot,
  type AppProtocolHandler,
} from '../../electron/main/protocol';
import { CONTENT_SECURITY_POLICY } from '../../electron/main/security';

const SECRET = 'root:x:0:0:secret-outside-the-renderer-root';
let base: string;
let root: string;
let handle: AppProtocolHandler;

beforeAll(async () => {
  base = await mkdtemp(path.join(tmpdir(), 'xiaobiao-protocol-'));
  root = path.join(base, 'out', 'renderer');
  await mkdir(path.join(root, 'assets'), { recursive: true });
  await writeFile(path.join(root, 'index.html'), '<!doctype html><title>校表通</title>');
  await writeFile(path.join(root, 'assets', 'index-abc123.js'), 'console.log("app")');
  await writeFile(path.join(root, 'assets', 'index-abc123.css'), 'body{}');
  await writeFile(path.join(root, 'assets', 'logo.svg'), '<svg/>');
  await writeFile(path.join(root, 'assets', 'font.woff2'), 'wOF2');
  await writeFile(path.join(base, 'secret.txt'), SECRET);
  await mkdir(path.join(base, 'etc'));
  await writeFile(path.join(base, 'etc', 'passwd'), SECRET);
  handle = createAppProtocolHandler({ root, csp: CONTENT_SECURITY_POLICY });
});
afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

const get = (url: string, method = 'GET') => handle(new Request(url, { method }));

describe('app:// scheme registration', () => {
  it('registers app as a standard, secure scheme (and nothing looser)', () => {
    const calls: unknown[] = [];
    registerAppScheme({ registerSchemesAsPrivileged: (s) => void calls.push(s) });
    expect(calls).toEqual([[{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]]);
    expect(APP_SCHEME_DEFINITION.privileges).not.toHaveProperty('bypassCSP');
    expect(APP_SCHEME_DEFINITION.privileges).not.toHaveProperty('corsEnabled');
  });
});

describe('app:// protocol handler', () => {
  it('serves a file inside the root with the right MIME type, CSP and nosniff', async () => {
    const res = await get('app://xiaobiao/index.html');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toBe('<!doctype html><title>校表通</title>');
  });

  it.each([
    ['app://xiaobiao/assets/index-abc123.js', 'text/javascript; charset=utf-8', 'console.log("app")'],
    ['app://xiaobiao/assets/index-abc123.css', 'text/css; charset=utf-8', 'body{}'],
    ['app://xiaobiao/assets/logo.svg', 'image/svg+xml', '<svg/>'],
    ['app://xiaobiao/assets/font.woff2', 'font/woff2', 'wOF2'],
  ])('serves %s as %s', async (url, type, body) => {
    const res = await get(url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(type);
    expect(await res.text()).toBe(body);
  });

  it('serves index.html for the root URL', async () => {
    const res = await get('app://xiaobiao/');
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('校表通');
  });

  it.each([
    'app://xiaobiao/../../etc/passwd',
    'app://xiaobiao/../secret.txt',
    'app://xiaobiao/..%2f..%2fsecret.txt',
    'app://xiaobiao/..%2F..%2F..%2Fetc%2Fpasswd',
    'app://xiaobiao/assets/..%2f..%2f..%2fsecret.txt',
    'app://xiaobiao/%2e%2e/%2e%2e/secret.txt',
    'app://xiaobiao/%2e%2e%2f%2e%2e%2fsecret.txt',
    'app://xiaobiao/..%5c..%5csecret.txt',
    'app://xiaobiao//etc/passwd',
    'app://xiaobiao/index.html%00.js',
    'app://xiaobiao/%E0%A4%A',
  ])('refuses traversal / malformed path %s', async (url) => {
    const res = await get(url);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(await res.text()).not.toContain('secret-outside');
  });

  it('answers an encoded escape from the root with 403', async () => {
    expect((await get('app://xiaobiao/..%2fsecret.txt')).status).toBe(403);
  });

  it('clamps a literal ../../etc/passwd to <root>/etc/passwd (URL normalisation), which does not exist', async () => {
    // new URL() already removes the dot segments, so the request cannot name base/etc/passwd.
    const res = await get('app://xiaobiao/../../etc/passwd');
    expect(res.status).toBe(404);
  });

  it('refuses an encoded absolute path to a file outside the root', async () => {
    const res = await get(`app://xiaobiao/${encodeURIComponent(path.join(base, 'secret.txt'))}`);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(await res.text()).not.toContain('secret-outside');
  });

  it('refuses other hosts', async () => {
    expect((await get('app://evil/index.html')).status).toBe(404);
  });

  it('refuses methods other than GET/HEAD', async () => {
    expect((await get('app://xiaobiao/index.html', 'POST')).status).toBe(405);
  });

  it('HEAD returns headers without a body', async () => {
    const res = await get('app://xiaobiao/assets/index-abc123.js', 'HEAD');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await res.text()).toBe('');
  });

  it('404s files that do not exist (no SPA fallback)', async () => {
    expect((await get('app://xiaobiao/assets/missing.js')).status).toBe(404);
    expect((await get('app://xiaobiao/reports/3112')).status).toBe(404);
  });
});

describe('resolveInsideRoot', () => {
  it('keeps paths inside the root and rejects escapes', () => {
    const r = path.resolve('/srv/app/out/renderer');
    expect(resolveInsideRoot(r, '/')).toBe(path.join(r, 'index.html'));
    expect(resolveInsideRoot(r, '/assets/a.js')).toBe(path.join(r, 'assets', 'a.js'));
    expect(resolveInsideRoot(r, '/..%2frenderer-evil/x.js')).toBeNull();
    expect(resolveInsideRoot(r, '/..%2f..%2f..%2fetc%2fpasswd')).toBeNull();
    expect(resolveInsideRoot(r, '/a%00b')).toBeNull();
    expect(resolveInsideRoot(r, '/%ZZ')).toBeNull();
  });
});

describe('mimeTypeFor', () => {
  it('knows the renderer asset types and defaults to octet-stream', () => {
    expect(mimeTypeFor('a.MJS')).toBe('text/javascript; charset=utf-8');
    expect(mimeTypeFor('a.json')).toBe('application/json; charset=utf-8');
    expect(mimeTypeFor('a.png')).toBe('image/png');
    expect(mimeTypeFor('a.wasm')).toBe('application/wasm');
    expect(mimeTypeFor('a.unknown')).toBe('application/octet-stream');
  });
});
