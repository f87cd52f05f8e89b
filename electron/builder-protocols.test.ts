import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { DEEP_LINK_SCHEME } from '../shared/desktop/deep-link';

// The installers register outpost:// from build/electron-builder.yml's `protocols` (NSIS registry
// keys, macOS CFBundleURLTypes, the Linux .desktop MimeType): the scheme the app parses.
const root = path.join(import.meta.dirname, '..');
const config = parse(fs.readFileSync(path.join(root, 'build', 'electron-builder.yml'), 'utf8')) as {
  protocols?: { name: string; schemes: string[] }[];
};

describe('electron-builder protocols', () => {
  it('register the deep link scheme the app parses', () => {
    expect(config.protocols).toEqual([{ name: 'Outpost link', schemes: [DEEP_LINK_SCHEME] }]);
  });

  it('use only keys electron-builder knows', () => {
    const scheme = JSON.parse(fs.readFileSync(path.join(root, 'node_modules', 'app-builder-lib', 'scheme.json'), 'utf8')) as {
      definitions: { Protocol: { properties: Record<string, unknown>; required: string[] } };
    };
    const known = Object.keys(scheme.definitions.Protocol.properties);
    for (const protocol of config.protocols ?? []) {
      expect(Object.keys(protocol).filter((key) => !known.includes(key))).toEqual([]);
      for (const key of scheme.definitions.Protocol.required) expect(protocol).toHaveProperty(key);
    }
  });
});
