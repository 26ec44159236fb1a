import { defineConfig } from '@playwright/test';
import { CHROMIUM_FLAGS } from '../../main/printing/render/chromium-renderer';

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
    launchOptions: { executablePath: '/usr/bin/chromium', args: CHROMIUM_FLAGS },
    locale: 'zh-CN',
  },
});
