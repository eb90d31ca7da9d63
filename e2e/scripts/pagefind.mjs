// Orrery and Pagefind side by side, in one Chromium run, for the same queries.
// Usage: node pagefind.mjs ORRERY_URL PAGEFIND_URL "q1|q2|..."  → one JSON object.
//   bytes:   bytes transferred by the requests made from navigation until the
//            first results for the first query show, with their excerpts
//            (each request in full, though it may end after them)
//   bytes_all: bytes transferred by every request finished 200 ms after
//            those results (how this script counted until issue 14's
//            seventh round: requests made after the results counted too)
//   latency: per query, ms. Orrery: from issuing it to the result cards in the
//            DOM, and to their excerpts too (a sharded corpus fetches the
//            documents of the cards on show for their keyword-in-context
//            lines). Pagefind: to the data of the first ten results.
import { countingPage, launch } from './browser.mjs';

const [orreryUrl, pagefindUrl, list] = process.argv.slice(2);
const queries = list.split('|');
const browser = await launch();

// Counts the page's fetches in flight, each until its body has been read.
const countFetches = () => {
  window.__inflight = 0;
  const fetch = window.fetch.bind(window);
  window.fetch = async (...args) => {
    window.__inflight++;
    try {
      const response = await fetch(...args);
      const body = await response.arrayBuffer();
      return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
    } finally {
      window.__inflight--;
    }
  };
};

async function measure(url, setup, run, initScript) {
  const { context, page, bytes: transferred } = await countingPage(browser, initScript);
  await page.goto(url);
  await setup(page);
  const [first, shown] = await run(page, queries[0]);
  // Requests made before the results may end after them.
  await page.waitForTimeout(200);
  const bytes = await transferred(shown);
  const bytes_all = await transferred();
  const latency = { [queries[0]]: first };
  for (const q of queries.slice(1)) [latency[q]] = await run(page, q);
  await context.close();
  return { bytes, bytes_all, latency };
}

const orrery = await measure(
  orreryUrl,
  // The app has started: it replaced the first view's HTML (src/first_view.rs).
  (page) => page.waitForFunction(() => !document.getElementById('first-view') && document.getElementById('search')),
  (page, q) => page.evaluate(async (q) => {
    const t0 = performance.now();
    const input = document.querySelector('#search');
    input.value = q;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    // The app updates the DOM in microtasks after the event; a message on a
    // channel runs after all of them. Then every shard the cards asked for
    // must have arrived, and the task that renders it run.
    const task = () => new Promise((r) => { const c = new MessageChannel(); c.port1.onmessage = () => r(); c.port2.postMessage(0); });
    await task();
    const results = performance.now() - t0;
    while (window.__inflight > 0) await task();
    await task();
    const shown = performance.now();
    const latency = { results: +results.toFixed(2), excerpts: +(shown - t0).toFixed(2) };
    // Bytes are counted to the results with their excerpts, as Pagefind's
    // to its results' data.
    return [latency, performance.timeOrigin + shown];
  }, q),
  countFetches,
);

const pagefind = await measure(
  pagefindUrl,
  (page) => page.evaluate(async () => { window.pf = await import('./pagefind/pagefind.js'); await window.pf.init(); }),
  (page, q) => page.evaluate(async (q) => {
    const t0 = performance.now();
    const search = await window.pf.search(q);
    // Pagefind returns ids first and loads each result's data on demand: a
    // results page needs the first ten.
    await Promise.all(search.results.slice(0, 10).map((r) => r.data()));
    const shown = performance.now();
    return [+(shown - t0).toFixed(2), performance.timeOrigin + shown];
  }, q),
);

await browser.close();
console.log(JSON.stringify({ queries, orrery, pagefind }));
