// Layer boundaries are enforced here, not by good intentions. See docs/architecture.md.
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const nativeAndPlatform = ['electron', 'better-sqlite3', 'drizzle-orm', 'drizzle-orm/*', 'systeminformation', 'node-ssh', 'ssh2'];

/** no-restricted-imports for one layer: these packages, and these folders of the repo. */
function layer(files, { packages = [], folders = [], message }) {
  return {
    files,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: packages.filter((p) => !p.includes('*')).map((name) => ({ name, message })),
          patterns: [
            ...packages.filter((p) => p.includes('*')).map((p) => ({ group: [p], message })),
            // A relative import that reaches into another layer's folder (not an npm package of the same name).
            ...folders.map((f) => ({ regex: `^(\\.{1,2}/)+(.+/)?${f}(/|$)`, message })),
          ],
        },
      ],
    },
  };
}

export default tseslint.config(
  {
    ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'test-reports/**', 'playwright-report/**', '.outpost-data/**'],
  },
  ...tseslint.configs.recommended,
  {
    rules: {
      'no-console': 'error',
      '@typescript-eslint/ban-ts-comment': ['error', { 'ts-ignore': true, 'ts-expect-error': 'allow-with-description' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  layer(['renderer/**'], {
    packages: [...nodeBuiltins, ...nativeAndPlatform],
    folders: ['electron', 'core', 'host', 'launcher', 'server', 'migrations'],
    message: 'renderer/ runs in a sandboxed page: no Node, no Electron, no core. Talk to the core through the API contract in shared/.',
  }),
  layer(['shared/**'], {
    packages: [...nodeBuiltins, ...nativeAndPlatform, 'react', 'react-dom', 'react/*'],
    folders: ['electron', 'core', 'host', 'launcher', 'server', 'renderer', 'migrations'],
    message: 'shared/ is pure TypeScript: no platform imports and no imports from other layers.',
  }),
  layer(['core/**', 'migrations/**'], {
    packages: ['electron', 'react', 'react-dom'],
    folders: ['electron', 'renderer', 'host', 'launcher', 'server'],
    message: 'core/ is plain Node code shared by both shells: no Electron, no renderer.',
  }),
  layer(['server/**'], {
    packages: ['electron', 'react', 'react-dom'],
    folders: ['electron', 'renderer', 'core', 'host', 'launcher'],
    message: 'server/ imports only shared/.',
  }),
  layer(['host/**', 'launcher/**'], {
    packages: ['electron'],
    folders: ['electron', 'renderer'],
    message: 'The browser shell must run without Electron.',
  }),
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
