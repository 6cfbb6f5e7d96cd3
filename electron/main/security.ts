/**
 * Session- and webContents-level hardening:
 * - a Content-Security-Policy header on every response,
 * - every permission request/check denied,
 * - navigation/redirects only within the app's own origin,
 * - no new windows, no <webview>.
 */
import type { Session, WebContents } from 'electron';
import { isAppUrl, type OriginPolicy } from './origin';
import { CONTENT_SECURITY_POLICY } from '../../shared/security/csp';

/** The production CSP (shared with the web build's <meta> tag). */
export { CONTENT_SECURITY_POLICY };

/**
 * The CSP to enforce. In an unpackaged dev run (Vite dev server) the React
 * Fast Refresh preamble is an inline `<script type="module">`, so dev alone
 * adds `'unsafe-inline'` to script-src. Production is exactly
 * `CONTENT_SECURITY_POLICY`.
 */
export function contentSecurityPolicy(opts: { dev: boolean }): string {
  if (!opts.dev) return CONTENT_SECURITY_POLICY;
  return CONTENT_SECURITY_POLICY.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'");
}

type HeaderMap = Record<string, string[]>;

/** Response headers with any existing CSP (any casing) replaced by `csp`. */
export function withCspHeader(headers: Record<string, string | string[]> | undefined, csp: string): HeaderMap {
  const out: HeaderMap = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() === 'content-security-policy') continue;
    out[name] = Array.isArray(value) ? value : [value];
  }
  out['Content-Security-Policy'] = [csp];
  return out;
}

export type SessionLike = Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'> & {
  webRequest: Pick<Session['webRequest'], 'onHeadersReceived'>;
};

/** CSP header on every response; deny every permission. */
export function hardenSession(ses: SessionLike, opts: { csp: string }): void {
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withCspHeader(details.responseHeaders, opts.csp) });
  });
  ses.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
}

export type WebContentsLike = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

/** Navigation limited to the app's origin, no popups, no <webview>. */
export function hardenWebContents(contents: WebContentsLike, policy: OriginPolicy): void {
  const guard = (event: { url: string; preventDefault(): void }) => {
    if (!isAppUrl(event.url, policy)) event.preventDefault();
  };
  contents.on('will-navigate', guard);
  contents.on('will-redirect', guard);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}
