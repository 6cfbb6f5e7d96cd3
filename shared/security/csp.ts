// The one Content-Security-Policy of the app: sent as a header by Electron's main process and
// put in a <meta> tag of the built page (the web build has no server of its own to send it).
const DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self'",
  // antd writes its styles into <style> elements at run time (CSS-in-JS)
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
];

export const CONTENT_SECURITY_POLICY = DIRECTIVES.join('; ');

/** For a <meta> tag: browsers ignore frame-ancestors there and warn about it, so leave it out. */
export const META_CONTENT_SECURITY_POLICY = DIRECTIVES.filter((d) => !d.startsWith('frame-ancestors')).join('; ');
