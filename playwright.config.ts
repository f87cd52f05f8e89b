import { defineConfig } from '@playwright/test';

/** Debian's Chromium: Playwright's own browser downloads are not reachable here and never used. */
export const CHROMIUM_PATH = process.env.OUTPOST_CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

export default defineConfig({
  workers: 1,
  timeout: 90_000,
  expect: { timeout: 10_000 },
  retries: 0,
  reporter: [['list'], ['json', { outputFile: 'test-reports/playwright.json' }]],
  use: {
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
    screenshot: 'only-on-failure',
    trace: 'off',
  },
  projects: [
    { name: 'browser', testDir: 'test/e2e', testMatch: '*.spec.ts' },
    { name: 'electron', testDir: 'test/electron', testMatch: '*.electron.spec.ts' },
  ],
});
