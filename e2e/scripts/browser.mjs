// Shared by the scripts here: Debian's Chromium with the flags this machine
// needs, and a page that counts the bytes it transfers with the cache off.
import { chromium } from '@playwright/test';

export const launch = () => chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

// A fresh context and page; `bytes()` is what the page has transferred so far.
export async function countingPage(browser, initScript) {
  const context = await browser.newContext();
  const page = await context.newPage();
  if (initScript) await page.addInitScript(initScript);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  let transferred = 0;
  cdp.on('Network.loadingFinished', (e) => { transferred += e.encodedDataLength; });
  return { context, page, bytes: () => transferred };
}

