import { defineConfig } from '@playwright/test';
import { findElectronBinary } from './test/e2e/harness/electron-binary';

const electronBinary = findElectronBinary();
const projects = [
  {
    name: 'chromium',
    use: {
      browserName: 'chromium' as const,
      launchOptions: {
        // Debian's Chromium: Playwright's own browser download cannot work on these machines.
        executablePath: process.env.ORCW_CHROMIUM ?? '/usr/bin/chromium',
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
          '--disable-quic',
        ],
      },
    },
  },
];
if ('path' in electronBinary) {
  projects.push({ name: 'electron', use: {} as never });
} else if (process.env.TEST_WORKER_INDEX === undefined) {
  // Printed once, by the runner process, not by every worker that loads this file.
  console.log(`[e2e] Electron project not run: ${electronBinary.reason}. The same specs run in Chromium.`);
}

export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  workers: 1,
  reporter: [['list']],
  use: { viewport: { width: 1280, height: 800 }, screenshot: 'on', trace: 'retain-on-failure' },
  projects,
});
