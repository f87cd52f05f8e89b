import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{shared,core,host,launcher,electron,renderer,migrations,server}/**/*.test.ts', 'test/{integration,electron}/**/*.test.ts'],
    exclude: ['node_modules/**', 'dist/**'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 20_000,
    env: { OUTPOST_LOG_LEVEL: 'warn', OUTPOST_SECRET_KEY_DIR: '/tmp/outpost-test-secret-keys' },
  },
});
