/**
 * Which URLs count as "the app itself": the custom `app://xiaobiao` origin in
 * production, or — only in an unpackaged dev run — the exact origin of the
 * electron-vite dev server (`ELECTRON_RENDERER_URL`).
 *
 * Used by navigation guards (security.ts) and IPC sender checks (ipc.ts).
 */

export const APP_SCHEME = 'app';
export const APP_HOST = 'xiaobiao';
/** The production renderer entry. */
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

export interface OriginPolicy {
  /** Exact dev-server origin (e.g. `http://localhost:5173`), or null outside dev. */
  readonly devOrigin: string | null;
}

export interface RendererTarget extends OriginPolicy {
  /** URL the main window loads. */
  readonly url: string;
}

/**
 * Decide what the window loads. `ELECTRON_RENDERER_URL` (set by `electron-vite dev`)
 * is honoured only when the app is not packaged, and only if it is an
 * http(s) URL on a loopback host — a packaged app never loads a remote page.
 */
export function resolveRendererTarget(opts: {
  isPackaged: boolean;
  env: Readonly<Record<string, string | undefined>>;
}): RendererTarget {
  const dev = opts.env['ELECTRON_RENDERER_URL'];
  if (!opts.isPackaged && dev) {
    const url = parseUrl(dev);
    if (url && (url.protocol === 'http:' || url.protocol === 'https:') && isLoopback(url.hostname)) {
      return { url: url.href, devOrigin: url.origin };
    }
  }
  return { url: APP_ENTRY_URL, devOrigin: null };
}

/** True if `raw` is a URL of the app itself (see module doc). Never throws. */
export function isAppUrl(raw: string, policy: OriginPolicy): boolean {
  const url = parseUrl(raw);
  if (!url) return false;
  // `app:` is not a WHATWG "special" scheme, so `url.origin` is "null":
  // compare protocol and host explicitly (host also excludes any port).
  if (url.protocol === `${APP_SCHEME}:`) {
    return url.host === APP_HOST && url.username === '' && url.password === '';
  }
  return policy.devOrigin !== null && url.origin === policy.devOrigin;
}

function parseUrl(raw: string): URL | null {
  try {
    return new URL(raw);
  } catch {
    return null;
  }
}

function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '127.0.0.1' || hostname === '[::1]';
}
