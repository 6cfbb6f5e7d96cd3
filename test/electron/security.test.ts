import { describe, expect, it, vi } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  contentSecurityPolicy,
  hardenSession,
  hardenWebContents,
  withCspHeader,
  type SessionLike,
  type WebContentsLike,
} from '../../electron/main/security';
import { FakeWebContents } from './fake-electron';

const PROD = { devOrigin: null };
const DEV = { devOrigin: 'http://localhost:5173' };

function hardened(policy: { devOrigin: string | null }): FakeWebContents {
  const wc = new FakeWebContents();
  hardenWebContents(wc as unknown as WebContentsLike, policy);
  return wc;
}

function fakeSession() {
  const s = {
    webRequest: { onHeadersReceived: vi.fn() },
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
  };
  hardenSession(s as unknown as SessionLike, { csp: CONTENT_SECURITY_POLICY });
  return s;
}

describe('Content-Security-Policy', () => {
  it('is exactly the agreed production policy', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'",
    );
    expect(contentSecurityPolicy({ dev: false })).toBe(CONTENT_SECURITY_POLICY);
  });

  it('only the dev server run relaxes script-src (Vite/React Fast Refresh inline preamble)', () => {
    const dev = contentSecurityPolicy({ dev: true });
    expect(dev).toContain("script-src 'self' 'unsafe-inline'");
    expect(dev).not.toContain('unsafe-eval');
    expect(CONTENT_SECURITY_POLICY).not.toContain("script-src 'self' 'unsafe-inline'");
  });

  it('is added to every response by session.webRequest.onHeadersReceived, replacing any existing CSP', () => {
    const s = fakeSession();
    expect(s.webRequest.onHeadersReceived).toHaveBeenCalledTimes(1);
    const listener = s.webRequest.onHeadersReceived.mock.calls[0]![0] as (
      details: { responseHeaders?: Record<string, string[]> },
      cb: (r: { responseHeaders: Record<string, string[]> }) => void,
    ) => void;

    const cb = vi.fn();
    listener(
      {
        responseHeaders: {
          'content-type': ['text/html'],
          'content-security-policy': ["default-src *; script-src * 'unsafe-eval'"],
        },
      },
      cb,
    );
    expect(cb).toHaveBeenCalledWith({
      responseHeaders: { 'content-type': ['text/html'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });

    const cb2 = vi.fn();
    listener({}, cb2); // a response without headers still gets the CSP
    expect(cb2).toHaveBeenCalledWith({ responseHeaders: { 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });

  it('withCspHeader normalises single string header values to arrays', () => {
    expect(withCspHeader({ 'X-A': 'b' }, 'x')).toEqual({ 'X-A': ['b'], 'Content-Security-Policy': ['x'] });
  });
});

describe('permissions', () => {
  it('denies every permission request', () => {
    const s = fakeSession();
    const handler = s.setPermissionRequestHandler.mock.calls[0]![0] as (
      wc: unknown,
      permission: string,
      cb: (granted: boolean) => void,
    ) => void;
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read', 'fileSystem', 'unknown']) {
      const cb = vi.fn();
      handler({}, permission, cb);
      expect(cb).toHaveBeenCalledExactlyOnceWith(false);
    }
  });

  it('denies every permission check', () => {
    const s = fakeSession();
    const check = s.setPermissionCheckHandler.mock.calls[0]![0] as (wc: unknown, permission: string, origin: string) => boolean;
    for (const permission of ['media', 'geolocation', 'clipboard-read', 'usb', 'serial', 'hid']) {
      expect(check({}, permission, 'app://xiaobiao')).toBe(false);
    }
  });
});

describe('navigation', () => {
  it.each(['will-navigate', 'will-redirect'] as const)('%s: other origins are prevented', (event) => {
    const wc = hardened(PROD);
    for (const url of [
      'https://evil.example/',
      'http://localhost:5173/',
      'file:///etc/passwd',
      'app://evil/index.html',
      'app://xiaobiao.evil.example/index.html',
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'not a url',
    ]) {
      expect(wc.navigate(event, url), url).toBe(true);
    }
  });

  it.each(['will-navigate', 'will-redirect'] as const)('%s: the app origin is allowed', (event) => {
    const wc = hardened(PROD);
    expect(wc.navigate(event, 'app://xiaobiao/index.html')).toBe(false);
    expect(wc.navigate(event, 'app://xiaobiao/index.html#/reports')).toBe(false);
  });

  it('in dev, only the exact dev-server origin is same-origin', () => {
    const wc = hardened(DEV);
    expect(wc.navigate('will-navigate', 'http://localhost:5173/index.html')).toBe(false);
    expect(wc.navigate('will-navigate', 'http://localhost:5174/')).toBe(true);
    expect(wc.navigate('will-navigate', 'http://127.0.0.1:5173/')).toBe(true);
    expect(wc.navigate('will-navigate', 'https://localhost:5173/')).toBe(true);
  });
});

describe('windows and webviews', () => {
  it('denies window.open for every URL', () => {
    const wc = hardened(PROD);
    expect(wc.windowOpenHandler).not.toBeNull();
    for (const url of ['https://evil.example/', 'app://xiaobiao/index.html', 'about:blank']) {
      expect(wc.windowOpenHandler!({ url })).toEqual({ action: 'deny' });
    }
  });

  it('prevents <webview> attachment', () => {
    const wc = hardened(PROD);
    const event = { defaultPrevented: false, preventDefault: vi.fn() };
    wc.emit('will-attach-webview', event, { nodeIntegration: true }, { src: 'https://evil.example' });
    expect(event.preventDefault).toHaveBeenCalledOnce();
  });
});
