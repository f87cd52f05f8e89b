import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { CONTENT_SECURITY_POLICY_META } from './shared/security/csp.js';

const rendererRoot = fileURLToPath(new URL('./renderer', import.meta.url));

/**
 * renderer/index.html carries the CSP as a literal meta tag (readable, no build magic).
 * This plugin fails the build when it drifts from shared/security/csp.ts.
 */
function cspMustMatchShared(): Plugin {
  return {
    name: 'outpost-csp-must-match-shared',
    buildStart() {
      const html = readFileSync(`${rendererRoot}/index.html`, 'utf8');
      const match = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i.exec(html);
      if (!match || match[1] !== CONTENT_SECURITY_POLICY_META) {
        this.error('renderer/index.html Content-Security-Policy does not match shared/security/csp.ts');
      }
    },
  };
}

export default defineConfig({
  root: rendererRoot,
  base: './',
  plugins: [react(), cspMustMatchShared()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 1500,
  },
});
