import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layer boundaries (lint)', () => {
  it('fails when renderer/ imports electron/, Electron or Node', async () => {
    expect(
      await restrictedImports(
        'renderer/bad-import.ts',
        "import { createWindowOptions } from '../electron/window-options';\nexport { createWindowOptions };\n",
      ),
    ).toHaveLength(1);
    expect(
      await restrictedImports('renderer/bad-import.ts', "import { ipcRenderer } from 'electron';\nexport { ipcRenderer };\n"),
    ).toHaveLength(1);
    expect(
      await restrictedImports('renderer/bad-import.ts', "import fs from 'node:fs';\nimport path from 'path';\nexport { fs, path };\n"),
    ).toHaveLength(2);
    expect(
      await restrictedImports('renderer/bad-import.ts', "import { openCore } from '../core/outpost-core';\nexport { openCore };\n"),
    ).toHaveLength(1);
  });

  it('fails when shared/ imports anything platform-specific', async () => {
    expect(await restrictedImports('shared/bad-import.ts', "import crypto from 'node:crypto';\nexport { crypto };\n")).toHaveLength(1);
    expect(await restrictedImports('shared/bad-import.ts', "import Database from 'better-sqlite3';\nexport { Database };\n")).toHaveLength(
      1,
    );
    expect(await restrictedImports('shared/bad-import.ts', "import { useState } from 'react';\nexport { useState };\n")).toHaveLength(1);
  });

  it('keeps Electron out of the core and allows the intended imports', async () => {
    expect(await restrictedImports('core/bad-import.ts', "import { app } from 'electron';\nexport { app };\n")).toHaveLength(1);
    expect(
      await restrictedImports('renderer/good-import.ts', "import { apiContract } from '../shared/contract';\nexport { apiContract };\n"),
    ).toEqual([]);
    expect(await restrictedImports('core/good-import.ts', "import fs from 'node:fs';\nexport { fs };\n")).toEqual([]);
  });
});
