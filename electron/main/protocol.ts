/**
 * The privileged `app://xiaobiao/…` scheme that serves the built renderer
 * (`out/renderer`) instead of `file://`.
 *
 * - `registerAppScheme` must run before `app` is ready (standard + secure).
 * - `createAppProtocolHandler` resolves the request path against the root and
 *   refuses anything whose resolved path leaves the root (path traversal),
 *   percent-encoded or not.
 */
import { readFile as fsReadFile } from 'node:fs/promises';
import path from 'node:path';
import type { CustomScheme, Protocol } from 'electron';
import { APP_HOST, APP_SCHEME } from './origin';

export const APP_SCHEME_DEFINITION: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true },
};

/** Call before `app.whenReady()`. */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([APP_SCHEME_DEFINITION]);
}

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.cjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export function mimeTypeFor(filePath: string): string {
  return MIME_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Map a URL pathname (still percent-encoded, as in `URL.pathname`) to a file
 * inside `root`, or null if it is malformed or would escape `root`.
 * `/` maps to `index.html`.
 */
export function resolveInsideRoot(root: string, urlPathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const absRoot = path.resolve(root);
  const relative = decoded.replace(/^[/\\]+/, '');
  const resolved = path.resolve(absRoot, relative === '' ? 'index.html' : relative);
  if (resolved === absRoot) return path.join(absRoot, 'index.html');
  const rootWithSep = absRoot.endsWith(path.sep) ? absRoot : absRoot + path.sep;
  return resolved.startsWith(rootWithSep) ? resolved : null;
}

export interface AppProtocolHandlerOptions {
  /** Absolute path of the built renderer (out/renderer). */
  root: string;
  /** Content-Security-Policy sent with every response. */
  csp: string;
  readFile?: (filePath: string) => Promise<Uint8Array>;
}

export type AppProtocolHandler = (request: Request) => Promise<Response>;

export function createAppProtocolHandler(opts: AppProtocolHandlerOptions): AppProtocolHandler {
  const readFile = opts.readFile ?? ((p: string) => fsReadFile(p));
  const root = path.resolve(opts.root);

  const respond = (status: number, body: Uint8Array | string | null, contentType: string): Response =>
    new Response(body as BodyInit | null, {
      status,
      headers: {
        'Content-Type': contentType,
        'Content-Security-Policy': opts.csp,
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'no-cache',
      },
    });
  const text = (status: number, message: string) => respond(status, message, 'text/plain; charset=utf-8');

  return async (request) => {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return text(400, 'Bad Request');
    }
    if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return text(404, 'Not Found');
    if (request.method !== 'GET' && request.method !== 'HEAD') return text(405, 'Method Not Allowed');

    const filePath = resolveInsideRoot(root, url.pathname);
    if (filePath === null) return text(403, 'Forbidden');

    try {
      const body = await readFile(filePath);
      return respond(200, request.method === 'HEAD' ? null : body, mimeTypeFor(filePath));
    } catch (err) {
      return isNotFound(err) ? text(404, 'Not Found') : text(500, 'Internal Server Error');
    }
  };
}

function isNotFound(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR';
}

/** Install the handler for `app:` (after ready). */
export function registerAppProtocol(protocol: Pick<Protocol, 'handle'>, handler: AppProtocolHandler): void {
  protocol.handle(APP_SCHEME, handler);
}
