// Warm facet clicks on two or more builds, interleaved, for comparing a
// change with what it replaces. On a small shared machine a run's p95
// moves by a few ms with whatever else the machine does; blocks of clicks
// taken in turn give each build the same share of that noise.
// Usage: node compare.mjs URL URL… [rounds] [clicks per round]
//   → one line per URL: median, p90, p95 to the DOM (as perf.mjs's `facet`)
import { launch } from './browser.mjs';

const args = process.argv.slice(2);
const urls = args.filter((a) => /^https?:/.test(a));
const [rounds = 8, per = 20] = args.filter((a) => !/^https?:/.test(a)).map(Number);
const toggle = 'fieldset.facet:first-of-type li:nth-child(2) input';

const browsers = [];
const pages = [];
for (const url of urls) {
  const browser = await launch();
  const page = await browser.newPage();
  await page.goto(url);
  await page.waitForFunction(() => !document.getElementById('first-view'));
  await page.waitForSelector('main article.card');
  browsers.push(browser);
  pages.push(page);
}

// The same measure as perf.mjs: from the click to the last DOM mutation it
// caused, each click a frame after the last one rendered.
const clicks = (page) => page.evaluate(async ([selector, n]) => {
  const times = [];
  for (let i = 0; i < n; i++) {
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    let last = null;
    const observer = new MutationObserver(() => { last = performance.now(); });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
    const t0 = performance.now();
    document.querySelector(selector).click();
    await new Promise((r) => { const c = new MessageChannel(); c.port1.onmessage = () => r(); c.port2.postMessage(0); });
    const end = performance.now();
    observer.disconnect();
    times.push((last ?? end) - t0);
  }
  return times;
}, [toggle, per]);

const times = urls.map(() => []);
for (let r = 0; r < rounds; r++) {
  for (const [k, page] of pages.entries()) times[k].push(...(await clicks(page)));
}
const at = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)].toFixed(1);
for (const [k, url] of urls.entries()) {
  const sorted = [...times[k]].sort((a, b) => a - b);
  console.log(`${url}  median ${at(sorted, 0.5)}  p90 ${at(sorted, 0.9)}  p95 ${at(sorted, 0.95)}  (n ${sorted.length})`);
}
for (const browser of browsers) await browser.close();
