import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

// The packaged app's Electron fuses (build/electron-builder.yml, applied by electron-builder to
// the Electron binary): each one that widens what the app or its pages may do is switched off.
const config = parse(fs.readFileSync(path.join(import.meta.dirname, '..', 'build', 'electron-builder.yml'), 'utf8')) as {
  electronFuses?: Record<string, unknown>;
};

describe('electron-builder fuses', () => {
  it('give file:// pages no extra privileges (the renderer is served from app://)', () => {
    expect(config.electronFuses?.grantFileProtocolExtraPrivileges).toBe(false);
  });

  it('keep Node out of the app binary and its environment, and load the app only from its checked asar', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
    });
  });

  it('names only fuses electron-builder knows', () => {
    const scheme = JSON.parse(
      fs.readFileSync(path.join(import.meta.dirname, '..', 'node_modules', 'app-builder-lib', 'scheme.json'), 'utf8'),
    ) as {
      definitions: { FuseOptionsV1: { properties: Record<string, unknown> } };
    };
    const known = Object.keys(scheme.definitions.FuseOptionsV1.properties);
    expect(Object.keys(config.electronFuses ?? {}).filter((name) => !known.includes(name))).toEqual([]);
  });
});
