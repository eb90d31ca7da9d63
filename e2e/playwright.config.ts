import { defineConfig } from '@playwright/test';

// `cargo xtask test` builds the app for /orrery/ (and a second corpus for /alt/),
// serves the folder above both with a plain static server, and sets BASE_URL.
const baseURL = process.env.BASE_URL ?? 'http://127.0.0.1:8000/orrery/';

export default defineConfig({
  testDir: './tests',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 30_000,
  reporter: [['list'], ['json', { outputFile: 'test-results/results.json' }]],
  use: {
    baseURL,
    // The service worker (src/sw.js) answers fetches that page.route cannot
    // see; tests/offline.spec.ts allows it, the others test the network.
    serviceWorkers: 'block',
    launchOptions: {
      // Debian's Chromium: Playwright's own browser download cannot work here.
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        // orrery.test is this machine, reached as a plain-http origin that is
        // not localhost: no secure context, so no Clipboard API.
        '--host-resolver-rules=MAP orrery.test 127.0.0.1',
      ],
    },
  },
});
