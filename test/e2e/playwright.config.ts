import { defineConfig } from '@playwright/test';

export const chromiumLaunchArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.e2e.ts',
  outputDir: '../../test-results/e2e',
  timeout: 60_000,
  workers: 2,
  reporter: process.env.CI ? [['list'], ['json', { outputFile: '../../test-results/e2e-report.json' }]] : 'list',
  use: {
    browserName: 'chromium',
    viewport: { width: 1280, height: 1024 },
    launchOptions: { executablePath: '/usr/bin/chromium', args: chromiumLaunchArgs },
    locale: 'zh-CN',
  },
});
