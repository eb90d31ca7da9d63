// In-browser timings for `cargo xtask bench`, with the Performance API in the page.
// Usage: node perf.mjs URL [repetitions]  → prints one JSON object.
//   first_card:  navigation start → the first article card is in the DOM and a frame has been painted
//   facet:       click on a facet checkbox → the DOM updated (every task the click queued has run)
//   keystroke:   one character typed in search → the DOM updated
//   bytes:       bytes transferred before the first card shows (all requests of the first view)
import { countingPage, launch } from './browser.mjs';

const [url, reps = '30'] = process.argv.slice(2);
const n = Number(reps);
const browser = await launch();

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const at = (p) => s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)];
  return { median: +at(0.5).toFixed(2), p95: +at(0.95).toFixed(2), n: s.length };
};

// Records when the first card appears, then the next frame.
const firstCardScript = () => {
  window.__firstCard = new Promise((resolve) => {
    const seen = () => {
      if (document.querySelector('main article.card')) {
        observer.disconnect();
        requestAnimationFrame(() => resolve(performance.now()));
        return true;
      }
      return false;
    };
    const observer = new MutationObserver(seen);
    observer.observe(document, { childList: true, subtree: true });
  });
};

const firstCard = [];
let bytes = 0;
for (let i = 0; i < n; i++) {
  const { context, page, bytes: transferred } = await countingPage(browser, firstCardScript);
  await page.goto(url);
  firstCard.push(await page.evaluate(() => window.__firstCard));
  if (i === 0) {
    await page.waitForLoadState('networkidle');
    bytes = transferred();
  }
  await context.close();
}

const page = await browser.newPage();
await page.goto(url);
await page.waitForSelector('main article.card');
// Time from an action to the next painted frame, measured in the page.
// Returns [ms, whether the result count or first card changed], the second to
// check that the DOM was really updated when the clock stopped.
const timeAction = (action) => page.evaluate(async (action) => {
  const snapshot = () => (document.querySelector('.result-count')?.textContent ?? '') + (document.querySelector('main article.card h2')?.textContent ?? '');
  const before = snapshot();
  const t0 = performance.now();
  if (action.kind === 'click') {
    document.querySelector(action.selector).click();
  } else {
    const input = document.querySelector('#search');
    input.value = action.value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }
  // The app updates the DOM in microtasks after the event; a message on a
    // channel runs after all of them, so this is the time to the updated DOM.
    await new Promise((r) => { const c = new MessageChannel(); c.port1.onmessage = () => r(); c.port2.postMessage(0); });
  return [performance.now() - t0, snapshot() !== before];
}, action);

const facet = [];
let changed = 0;
for (let i = 0; i < n; i++) {
  // Toggle the second country on and off: each click is one measurement.
  const [ms, updated] = await timeAction({ kind: 'click', selector: 'fieldset.facet:first-of-type li:nth-child(2) input' });
  facet.push(ms);
  changed += updated ? 1 : 0;
}
const keystroke = [];
const word = process.env.PERF_WORD ?? 'space cooperation';
for (let i = 0; i < n; i++) {
  const prefix = word.slice(0, 1 + (i % word.length));
  keystroke.push((await timeAction({ kind: 'type', value: prefix }))[0]);
}
const dom = await page.evaluate(() => document.querySelectorAll('*').length);
const count = await page.locator('.result-count').textContent();
await browser.close();
console.log(JSON.stringify({ url, first_card: stats(firstCard), facet: stats(facet), facet_updates_seen: `${changed}/${n}`, keystroke: stats(keystroke), bytes, dom_elements: dom, result_count: count }));
