import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, isAppUrl, resolveRendererTarget } from '../../electron/main/origin';

describe('resolveRendererTarget', () => {
  it('production loads app://xiaobiao/index.html with no dev origin', () => {
    expect(resolveRendererTarget({ isPackaged: true, env: {} })).toEqual({ url: APP_ENTRY_URL, devOrigin: null });
    expect(resolveRendererTarget({ isPackaged: false, env: {} })).toEqual({ url: APP_ENTRY_URL, devOrigin: null });
  });

  it('dev uses ELECTRON_RENDERER_URL and trusts exactly its origin', () => {
    expect(resolveRendererTarget({ isPackaged: false, env: { ELECTRON_RENDERER_URL: 'http://localhost:5173' } })).toEqual({
      url: 'http://localhost:5173/',
      devOrigin: 'http://localhost:5173',
    });
  });

  it.each(['https://evil.example', 'file:///tmp/index.html', 'javascript:alert(1)', 'not a url', 'http://192.168.1.5:5173'])(
    'refuses a non-loopback / non-http dev URL %s',
    (url) => {
      expect(resolveRendererTarget({ isPackaged: false, env: { ELECTRON_RENDERER_URL: url } })).toEqual({
        url: APP_ENTRY_URL,
        devOrigin: null,
      });
    },
  );

  it('a packaged app never honours ELECTRON_RENDERER_URL', () => {
    expect(
      resolveRendererTarget({ isPackaged: true, env: { ELECTRON_RENDERER_URL: 'http://localhost:5173' } }).devOrigin,
    ).toBeNull();
  });
});

describe('isAppUrl', () => {
  const prod = { devOrigin: null };
  it('accepts only app://xiaobiao', () => {
    expect(isAppUrl('app://xiaobiao/index.html', prod)).toBe(true);
    expect(isAppUrl('app://xiaobiao/assets/a.js?x=1#y', prod)).toBe(true);
    expect(isAppUrl('app://xiaobiao:8080/index.html', prod)).toBe(false);
    expect(isAppUrl('app://user:pw@xiaobiao/index.html', prod)).toBe(false);
    expect(isAppUrl('app://other/index.html', prod)).toBe(false);
    expect(isAppUrl('https://xiaobiao/index.html', prod)).toBe(false);
    expect(isAppUrl('', prod)).toBe(false);
  });
});
