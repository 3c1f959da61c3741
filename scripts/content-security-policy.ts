import type { Plugin } from 'vite';

/**
 * The Content-Security-Policy of the built app, as a `<meta http-equiv>` tag in index.html, so it
 * travels with the files to whatever static host serves them. Nothing is loaded from another
 * origin and no inline or evaluated script runs:
 *
 * - scripts, workers, styles sheets, fonts and fetches (the price catalogs) from the app's own origin;
 * - `script-src 'wasm-unsafe-eval'`: compiling WebAssembly, and nothing else. The Terraform import
 *   parses HCL with HashiCorp's own parser compiled to WebAssembly (@cdktf/hcl2json, fetched from the
 *   app's origin like any asset); without this keyword the browser refuses `WebAssembly.instantiate`.
 *   It does not allow `eval` or `new Function` (that would be 'unsafe-eval', which stays off), and
 *   only the app's own scripts run to compile anything; `connect-src 'self'` keeps the bytes they
 *   can fetch to the app's origin;
 * - `style-src-attr 'unsafe-inline'`: React Flow positions nodes and edges with style attributes;
 *   style *elements* stay same-origin only;
 * - images from the origin and `data:`/`blob:` URLs (icons, previews);
 * - no plugins, no `<base>` elsewhere, forms only to the origin.
 *
 * `frame-ancestors` cannot be set from a meta tag; a host that serves the app should send it as a
 * header (`frame-ancestors 'none'`). The dev server is left without the tag: Vite's hot reload
 * injects inline scripts.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self' blob:",
  "style-src 'self'",
  "style-src-elem 'self'",
  "style-src-attr 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "media-src 'none'",
  "object-src 'none'",
  "frame-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

export function contentSecurityPolicy(): Plugin {
  return {
    name: 'ninesmith-content-security-policy',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: (html) => {
        if (/<script(?![^>]*\bsrc=)[^>]*>/i.test(html)) throw new Error('index.html has an inline script, which the Content-Security-Policy forbids');
        // Right after the charset (which must come first), before any script or style it governs.
        const charset = /<meta charset="[^"]*"\s*\/?>/i.exec(html);
        if (!charset) throw new Error('index.html has no <meta charset>, after which the Content-Security-Policy goes');
        const at = charset.index + charset[0].length;
        return `${html.slice(0, at)}\n    <meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />${html.slice(at)}`;
      },
    },
  };
}
