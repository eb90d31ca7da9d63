import { countingPage, launch } from './browser.mjs';
const [url, q] = process.argv.slice(2);
const browser = await launch();
for (let i = 0; i < 3; i++) {
  const { context, page } = await countingPage(browser);
  await page.goto(url);
  await page.waitForSelector('main article.card');
  const out = await page.evaluate(async (q) => {
    await new Promise((r) => requestAnimationFrame(() => r()));
    const t0 = performance.now();
    const marks = [];
    const observer = new MutationObserver(() => {
      const count = document.querySelector('.result-count')?.textContent ?? '';
      const pend = !!document.querySelector('.load-status, .card-pending');
      const mark = !!document.querySelector('main article.card mark');
      marks.push([+(performance.now() - t0).toFixed(1), count.slice(0, 40), pend, mark]);
    });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
    const input = document.querySelector('#search'); input.value = q; input.dispatchEvent(new Event('input', { bubbles: true }));
    await new Promise((r) => setTimeout(r, 1500));
    observer.disconnect();
    const res = performance.getEntriesByType('resource').map((r) => [r.name.replace(/.*\/scale\//, ''), +(r.startTime - t0).toFixed(1), +(r.responseEnd - t0).toFixed(1), r.transferSize]);
    const dedup = []; let last = '';
    for (const m of marks) { const k = JSON.stringify(m.slice(1)); if (k !== last) dedup.push(m); last = k; }
    return { res, marks: dedup };
  }, q);
  console.log(JSON.stringify(out.res)); console.log(JSON.stringify(out.marks));
  await context.close();
}
await browser.close();
