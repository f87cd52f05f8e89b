/**
 * The Content-Security-Policy both shells send with the renderer. Scripts only from the app itself;
 * inline styles are allowed because the component kit sets CSS variables at run time.
 * 'wasm-unsafe-eval' lets the page compile WebAssembly (the camera's barcode reader, whose .wasm
 * comes from the app's own files under connect-src 'self'); it allows no JavaScript eval.
 */
const DOCUMENT_DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
];

/** Sent as a response header (Electron's app:// protocol and the browser host). */
export const CONTENT_SECURITY_POLICY = [...DOCUMENT_DIRECTIVES, "frame-ancestors 'none'"].join('; ');

/** The same policy for renderer/index.html's meta tag, where browsers ignore frame-ancestors. */
export const CONTENT_SECURITY_POLICY_META = DOCUMENT_DIRECTIVES.join('; ');
