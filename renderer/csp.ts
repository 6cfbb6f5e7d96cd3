// Content-Security-Policy for the built app. Added at build time only: Vite's dev server
// (and React Fast Refresh) inject inline scripts that this policy would rightly block.
// electron.vite.config.ts can use the same plugin so both builds ship the same policy.
import type { Plugin } from 'vite';
import { META_CONTENT_SECURITY_POLICY } from '../shared/security/csp';

export function cspPlugin(): Plugin {
  return {
    name: 'xiaobiao-csp',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: META_CONTENT_SECURITY_POLICY },
        injectTo: 'head-prepend',
      },
    ],
  };
}
