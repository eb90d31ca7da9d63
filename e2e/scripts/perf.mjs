// In-browser timings for `cargo xtask bench`, with the Performance API in the page.
// Usage: node perf.mjs URL [navigations] [actions]  → prints one JSON object.
//   first_card:  navigation start → the first article card is in the DOM and a frame has been painted
//                (the page carries the first view's HTML: this needs no app code)
//   interactive: navigation start → the app has started (it replaced the first
//                view's HTML) and a frame has been painted
//   first_card_10mbit, interactive_10mbit: the same over 5 navigations on a
//                throttled network (10 Mbit/s, 40 ms round trip)
//   facet:       click on a facet checkbox → the last DOM mutation it caused
//   keystroke:   one character typed in search → the last DOM mutation it caused
//   facet_task, keystroke_task: the same actions → the next task (an upper
//                bound that sometimes includes a rendered frame)
//   cold:        the first interaction of a fresh page, right after its first
//                card, with whatever it fetches (`cold_facet`, `cold_word`,
//                `cold_phrase`, `cold_open`): from the action to the answer on
//                screen with nothing left loading
//   bytes:       bytes transferred before the first card shows (the page and every
//                request that ended before it: the first view)
//   bytes_interactive: the same, before the app has started
//   bytes_idle:  bytes transferred until the network is idle (with what a large
//                corpus fetches after its first view)
import { countingPage, launch } from './browser.mjs';

// Navigations are few (each is a fresh page); clicks and keystrokes are
// cheap, and a p95 over 100 depends on five values, not on one or two.
const [url, reps = '30', actionReps = reps] = process.argv.slice(2);
const n = Number(reps);
const actions = Number(actionReps);
const browser = await launch();

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const at = (p) => s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)];
  return { median: +at(0.5).toFixed(2), p95: +at(0.95).toFixed(2), n: s.length };
};

// Records when the first card appears, then the next frame; and when the
// app starts (it removes the first view's HTML, src/first_view.rs), then the
// next frame.
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
  window.__started = new Promise((resolve) => {
    const observer = new MutationObserver((mutations) => {
      if (mutations.some((m) => [...m.removedNodes].some((n) => n.id === 'first-view'))) {
        observer.disconnect();
        requestAnimationFrame(() => resolve(performance.now()));
      }
    });
    observer.observe(document, { childList: true, subtree: true });
  });
};

const firstCard = [];
const interactive = [];
let bytes = 0;
let bytesInteractive = 0;
let bytesIdle = 0;
// One navigation first, not counted: the bench's server gzips each file on
// its first request (xtask/src/scripts/serve_gzip.py), which a static host
// does ahead of time; at 100,000 articles that made the first page's card
// wait for the wasm to be compressed.
{
  const { context, page } = await countingPage(browser, firstCardScript);
  await page.goto(url);
  await page.evaluate(() => window.__started);
  await context.close();
}
for (let i = 0; i < n; i++) {
  const { context, page, bytes: transferred } = await countingPage(browser, firstCardScript);
  await page.goto(url);
  firstCard.push(await page.evaluate(() => window.__firstCard));
  interactive.push(await page.evaluate(() => window.__started));
  if (i === 0) {
    await page.waitForLoadState('networkidle');
    bytesIdle = await transferred();
    [bytes, bytesInteractive] = await page.evaluate(async () => {
      const [navigation] = performance.getEntriesByType('navigation');
      const before = (t) => performance.getEntriesByType('resource').filter((r) => r.responseEnd <= t)
        .reduce((n, r) => n + r.transferSize, navigation.transferSize);
      return [before(await window.__firstCard), before(await window.__started)];
    });
  }
  await context.close();
}

// The first interaction of a fresh page: each kind on its own pages.
const coldAction = (kind) => new Promise((resolve) => {
  const count = () => document.querySelector('.result-count')?.textContent ?? '';
  const settled = () => document.querySelector('main article.card') && !document.querySelector('.load-status, .card-pending')
    && !/Searching/.test(count());
  const done = {
    // The box is checked, its chip shows, and the cards are those of the filter.
    facet: () => settled() && document.querySelector('.active-filters .chip'),
    // The cards mark the words found.
    word: () => settled() && document.querySelector('main article.card mark'),
    phrase: () => settled() && document.querySelector('main article.card mark'),
    open: () => document.querySelector('.reader-body p') && !document.querySelector('.reader-body .loading'),
  }[kind];
  const search = (q) => { const i = document.querySelector('#search'); i.value = q; i.dispatchEvent(new Event('input', { bubbles: true })); };
  const t0 = performance.now();
  const finish = (value) => { observer.disconnect(); clearTimeout(timer); resolve(value); };
  const observer = new MutationObserver(() => { if (done()) finish(+(performance.now() - t0).toFixed(2)); });
  // Never answered within 20 s: reported as such, not waited for.
  const timer = setTimeout(() => finish(20000), 20000);
  observer.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
  if (kind === 'facet') document.querySelector('fieldset.facet:first-of-type li:nth-child(2) input').click();
  if (kind === 'word') search('space');
  if (kind === 'phrase') search('"space agency"');
  if (kind === 'open') document.querySelector('main article.card h2 a').click();
});
// The same on a throttled network (10 Mbit/s down, 40 ms round trip), where
// the first card paints from the page and its CSS long before the app's
// wasm has arrived; on localhost the wasm often arrives before the first
// frame, and its bytes then count before the first card.
const slowCard = [];
const slowStarted = [];
for (let i = 0; i < 5; i++) {
  const { context, page } = await countingPage(browser, firstCardScript);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 40, downloadThroughput: 1.25e6, uploadThroughput: 1.25e6 });
  await page.goto(url);
  slowCard.push(await page.evaluate(() => window.__firstCard));
  slowStarted.push(await page.evaluate(() => window.__started));
  await context.close();
}

const cold = {};
const coldPages = Number(process.env.COLD_PAGES ?? Math.min(n, 10));
for (const kind of ['facet', 'word', 'phrase', 'open']) {
  const times = [];
  for (let i = 0; i < coldPages; i++) {
    const { context, page } = await countingPage(browser, firstCardScript);
    await page.goto(url);
    // Right after the app has started: the first view's HTML is not the app.
    await page.evaluate(() => window.__started);
    times.push(await page.evaluate(coldAction, kind));
    await context.close();
  }
  cold[`cold_${kind}`] = stats(times);
}

const page = await browser.newPage();
await page.goto(url);
await page.waitForFunction(() => !document.getElementById('first-view'));
await page.waitForSelector('main article.card');
// Times an action in the page. Returns [to the last DOM mutation, to the next
// task, whether the result count or first card changed]. "The last DOM
// mutation" is when a MutationObserver last saw the app change the document:
// the time to the updated DOM. "The next task" is a message posted on a
// channel, which runs after every microtask the action queued, and sometimes
// after a frame the browser rendered meanwhile: an upper bound. The third value
// checks that the DOM really changed.
const timeAction = (action) => page.evaluate(async (action) => {
  const snapshot = () => (document.querySelector('.result-count')?.textContent ?? '') + (document.querySelector('main article.card h2')?.textContent ?? '');
  // A person acts at most once a frame: let the last action's frame render
  // first, so that this one is not charged for laying it out.
  await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  const before = snapshot();
  let last = null;
  const observer = new MutationObserver(() => { last = performance.now(); });
  observer.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
  const t0 = performance.now();
  if (action.kind === 'click') {
    document.querySelector(action.selector).click();
  } else {
    const input = document.querySelector('#search');
    input.value = action.value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }
  await new Promise((r) => { const c = new MessageChannel(); c.port1.onmessage = () => r(); c.port2.postMessage(0); });
  const end = performance.now();
  observer.disconnect();
  return [(last ?? end) - t0, end - t0, snapshot() !== before];
}, action);

const [facet, facetTask, keystroke, keystrokeTask] = [[], [], [], []];
let changed = 0;
for (let i = 0; i < actions; i++) {
  // Toggle the second country on and off: each click is one measurement.
  const [dom, task, updated] = await timeAction({ kind: 'click', selector: 'fieldset.facet:first-of-type li:nth-child(2) input' });
  facet.push(dom);
  facetTask.push(task);
  changed += updated ? 1 : 0;
}
const word = process.env.PERF_WORD ?? 'space cooperation';
for (let i = 0; i < actions; i++) {
  const prefix = word.slice(0, 1 + (i % word.length));
  const [dom, task] = await timeAction({ kind: 'type', value: prefix });
  keystroke.push(dom);
  keystrokeTask.push(task);
}
const dom = await page.evaluate(() => document.querySelectorAll('*').length);
const count = await page.locator('.result-count').textContent();
await browser.close();
console.log(JSON.stringify({ url, first_card: stats(firstCard), interactive: stats(interactive), first_card_10mbit: stats(slowCard), interactive_10mbit: stats(slowStarted), facet: stats(facet), facet_task: stats(facetTask), facet_updates_seen: `${changed}/${actions}`, keystroke: stats(keystroke), keystroke_task: stats(keystrokeTask), ...cold, bytes, bytes_interactive: bytesInteractive, bytes_idle: bytesIdle, dom_elements: dom, result_count: count }));
