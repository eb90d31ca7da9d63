// Shared by the scripts here: Debian's Chromium with the flags this machine
// needs, and a page that counts the bytes it transfers with the cache off.
import { chromium } from '@playwright/test';

export const launch = () => chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

// A fresh context and page; `await bytes()` is what the page and its workers
// have transferred so far (headers and bodies), with the cache off and no
// service worker, and `await bytes(t)` what the requests made by the time
// `t` (ms since the epoch, as `performance.timeOrigin + performance.now()`
// gives it) transferred, each in full. Counted
// from Playwright's finished requests, which include a dedicated worker's:
// the DevTools Network domain of the page alone missed Pagefind's, whose
// search runs in a worker (47 KB counted of 245 KB at 10,000 articles).
export async function countingPage(browser, initScript) {
  // Service workers blocked: a request that Orrery's worker (sw.js) answers
  // would count 0 bytes here, though the worker fetched it from the network
  // (the page's count missed a search's fragments and documents, 32 KB at
  // 10,000 articles). A first visit transfers them either way.
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  if (initScript) await page.addInitScript(initScript);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const pending = [];
  page.on('requestfinished', (request) => {
    // A request whose start is unknown counts at any time.
    const start = request.timing().startTime;
    const size = request.sizes().then((s) => s.responseHeadersSize + s.responseBodySize, () => 0);
    pending.push(size.then((size) => ({ start: start > 0 ? start : -Infinity, size })));
  });
  const bytes = async (until = Infinity) => {
    const done = await Promise.all(pending);
    return done.filter((r) => r.start <= until).reduce((sum, r) => sum + r.size, 0);
  };
  return { context, page, bytes };
}
