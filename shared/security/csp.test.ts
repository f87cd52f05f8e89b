import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY_META } from './csp';

function directive(policy: string, name: string): string[] {
  const found = policy
    .split(';')
    .map((d) => d.trim().split(/\s+/))
    .find((parts) => parts[0] === name);
  return found ? found.slice(1) : [];
}

describe('renderer CSP', () => {
  it('runs scripts from the app only; WebAssembly may compile, JavaScript eval may not', () => {
    for (const policy of [CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY_META]) {
      expect(directive(policy, 'script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
      expect(policy).not.toMatch(/'unsafe-eval'/);
      expect(directive(policy, 'connect-src')).toEqual(["'self'"]); // the barcode reader's .wasm comes from the app itself
      expect(directive(policy, 'default-src')).toEqual(["'self'"]);
    }
    expect(directive(CONTENT_SECURITY_POLICY, 'frame-ancestors')).toEqual(["'none'"]);
  });
});
