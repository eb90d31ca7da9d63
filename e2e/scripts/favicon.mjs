// Renders style/favicon.svg to the PNG that index.html inlines as a data URI,
// and prints the <link> line. Chromium re-reads the page's icon on every
// history push; a PNG decodes in microseconds where an SVG builds a whole
// document each time. Usage (from e2e/): node scripts/favicon.mjs
import { readFileSync } from 'node:fs';
import { launch } from './browser.mjs';

const svg = readFileSync(new URL('../../style/favicon.svg', import.meta.url), 'utf8');
const browser = await launch();
const page = await browser.newPage({ viewport: { width: 32, height: 32 } });
await page.setContent(`<style>html,body{margin:0;background:transparent}</style>${svg.replace('<svg ', '<svg width="32" height="32" ')}`);
const png = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: 32, height: 32 } });
await browser.close();
console.log(`<link rel="icon" type="image/png" sizes="32x32" href="data:image/png;base64,${png.toString('base64')}" />`);
