// Screenshots of every view at desktop and phone widths, light and dark.
// Usage: node e2e/scripts/screenshots.mjs http://127.0.0.1:8080/ OUT_DIR [name=query ...]
import { launch } from './browser.mjs';
import { mkdirSync } from 'node:fs';

const [base = 'http://127.0.0.1:8080/', out = 'target/screenshots', ...extra] = process.argv.slice(2);
const pages = extra.length ? extra.map((e) => e.split('=', 2).length === 2 ? [e.slice(0, e.indexOf('=')), e.slice(e.indexOf('=') + 1)] : [e, '']) : [
  ['articles', ''],
  ['search', '?q=lunar'],
  ['filtered', '?country=VE&country=PK'],
  ['reader', '?doc=china-space-station-welcomes-foreign-astronauts-fm-spokesperson&quote=2'],
  ['quotes', '?view=quotes'],
  ['countries', '?view=countries'],
];
mkdirSync(out, { recursive: true });
const browser = await launch();
for (const [scheme, sizes] of [['light', [['desktop', 1280, 900], ['phone', 360, 780]]], ['dark', [['desktop', 1280, 900]]]]) {
  for (const [size, width, height] of sizes) {
    const context = await browser.newContext({ viewport: { width, height }, colorScheme: scheme });
    const page = await context.newPage();
    for (const [name, query] of pages) {
      await page.goto(new URL(query, base).href);
      await page.waitForSelector('main');
      await page.waitForTimeout(300);
      // Cards off screen skip rendering (content-visibility: auto), which a
      // full-page shot would show as blank space; render them all for it.
      if (size === 'phone') await page.addStyleTag({ content: '.card, .quote-card { content-visibility: visible !important; }' });
      await page.screenshot({ path: `${out}/${name}-${size}-${scheme}.png`, fullPage: size === 'phone' });
    }
    await context.close();
  }
}
await browser.close();
console.log(`screenshots in ${out}`);
