import { test, expect, Page } from './app';
import { test as bare } from '@playwright/test';
import { HEAD, shardRequests } from './requests';

// `/alt/` is built with ORRERY_EMBED_LIMIT=0, so its documents and word
// positions are static shards. The app embeds nothing of the corpus: it
// starts from the head its page preloads (`head.bin`), which paints the
// first view; the facets (`filter.bin`) and the index
// (`index.bin`) follow once that view is on screen, and each view then
// fetches only what it shows. (Its
// seven articles all fit the first page; `scale.spec.ts` has a corpus
// whose summaries come in chunks.)

const alt = (baseURL: string | undefined, query = '') => new URL(`/alt/${query}`, baseURL!).href;


/** Holds every shard's response but the head's until the returned function is called. */
async function holdShards(page: Page): Promise<() => void> {
  let release = () => {};
  const gate = new Promise<void>((resolve) => { release = resolve; });
  await page.route(/\/data-[0-9a-f]{16}\//, async (route) => {
    if (!HEAD.test(new URL(route.request().url()).pathname)) await gate;
    await route.continue();
  });
  return release;
}

// These two hold the head, so the app has not started when `goto` returns.
bare('the page names its head and preloads it beside the app, which starts from it', async ({ page, baseURL }) => {
  const heads: string[] = [];
  page.on('request', (request) => { if (HEAD.test(new URL(request.url()).pathname)) heads.push(request.url()); });
  let release = () => {};
  const gate = new Promise<void>((resolve) => { release = resolve; });
  await page.route(HEAD, async (route) => { await gate; await route.continue(); });
  await page.goto(alt(baseURL));
  const link = page.locator('link#orrery-head');
  await expect(link).toHaveAttribute('rel', 'preload');
  await expect(link).toHaveAttribute('href', /^data-[0-9a-f]{16}\/head\.bin$/);
  // The first view is the page's own; the app waits for the head, so the
  // page still shows it, and one request for the head is on its way.
  await expect(page.locator('#first-view main article')).toHaveCount(7);
  await expect.poll(() => heads.length).toBe(1);
  await page.waitForTimeout(500);
  await expect(page.locator('#first-view')).toHaveCount(1);
  release();
  await expect(page.locator('#first-view')).toHaveCount(0);
  await expect(page.locator('main article')).toHaveCount(7);
  await page.getByRole('searchbox').fill('satellite');
  await expect(page.locator('.result-count')).toHaveText(/1 article/);
  // Fetched once: the preload is the app's fetch.
  expect(heads).toEqual([new URL(`/alt/${await link.getAttribute('href')}`, baseURL!).href]);
});

bare('a head that cannot be loaded is named, and the first view stays to read', async ({ page, baseURL }) => {
  await page.route(HEAD, (route) => route.fulfill({ status: 404, body: 'gone' }));
  await page.goto(alt(baseURL));
  await expect(page.getByRole('alert')).toContainText(/The corpus's head could not be loaded: \/alt\/data-[0-9a-f]{16}\/head\.bin: HTTP 404\. Reload the page/);
  await expect(page.locator('#first-view main article')).toHaveCount(7);
  await expect(page.locator('#first-view main article h2 a').first()).toHaveAttribute('href', /\?doc=/);
});

test('the first view of a sharded corpus paints from its head alone, with exact counts', async ({ page, baseURL }) => {
  const shards = shardRequests(page);
  const release = await holdShards(page);
  await page.goto(alt(baseURL));
  // Everything below shows while every shard is held back.
  await expect(page.locator('main article')).toHaveCount(7);
  await expect(page.locator('.result-count')).toHaveText('7 articles');
  await expect(page.locator('.tagline')).toContainText('7 articles');
  // Cards read the embedded summaries: the lede and the first quotation.
  const card = page.locator('main article', { hasText: 'Kenya and Peru share a weather satellite' });
  await expect(card.locator('.snippet')).toContainText('Kenya and Peru agreed on Tuesday');
  await expect(card.locator('.card-quote')).toContainText('Small countries can still reach orbit together');
  // The sidebar's counts and the timeline are the whole corpus's: the same
  // as once the facets are here.
  const facets = page.locator('fieldset.facet .facet-value');
  const bins = page.locator('.timeline .bin');
  const sidebar = await facets.allTextContents();
  const chart = await bins.evaluateAll((all) => all.map((b) => b.getAttribute('aria-label')));
  expect(sidebar.length).toBeGreaterThan(10);
  expect(chart.length).toBeGreaterThan(0);
  const titles = await page.locator('main article h2').allTextContents();
  // Once the first view is painted the index is asked for (any search).
  // The facets wait until it is here: they never share the network with
  // what a reader may be waiting for.
  await expect.poll(() => [...shards]).toEqual(['index.bin']);
  await page.waitForTimeout(1500);
  expect([...shards]).toEqual(['index.bin']);
  release();
  await expect.poll(() => [...shards]).toEqual(['index.bin', 'filter.bin']);
  await page.waitForLoadState('networkidle');
  expect([...shards]).toEqual(['index.bin', 'filter.bin']);
  expect(await facets.allTextContents()).toEqual(sidebar);
  expect(await bins.evaluateAll((all) => all.map((b) => b.getAttribute('aria-label')))).toEqual(chart);
  expect(await page.locator('main article h2').allTextContents()).toEqual(titles);
  await expect(page.locator('.result-count')).toHaveText('7 articles');
});

test('a facet chosen before the rest arrives waits for it, then shows its results', async ({ page, baseURL }) => {
  const release = await holdShards(page);
  await page.goto(alt(baseURL));
  await page.locator('fieldset[data-facet="collection"] input').first().check();
  await expect(page.getByRole('status').filter({ hasText: 'Loading the data for all 7 articles…' })).toBeVisible();
  await expect(page).toHaveURL(/\?collection=wire$/);
  // The sidebar's counts are not the selection's yet: they are hidden.
  await expect(page.locator('fieldset.facet .facet-count').first()).toBeHidden();
  release();
  await expect(page.locator('.result-count')).toHaveText('2 articles');
  await expect(page.locator('main article')).toHaveCount(2);
  await expect(page.locator('fieldset[data-facet="collection"] input').first()).toBeChecked();
  await expect(page.locator('fieldset.facet .facet-count').first()).toBeVisible();
  // A card opened from the head's first view opens the right article.
  await page.goto(alt(baseURL));
  await page.getByRole('link', { name: 'Kenya and Peru share a weather satellite' }).click();
  await expect(page.locator('#reader-title')).toHaveText('Kenya and Peru share a weather satellite');
  await expect(page.locator('.reader-body')).toContainText('The first images of the coast of Peru');
});

test('a deep link waits for the slugs, then opens what it names', async ({ page, baseURL }) => {
  const release = await holdShards(page);
  await page.goto(alt(baseURL, '?doc=eight-agencies-sign-a-launch-data-pact&country=zz'));
  await expect(page.getByRole('status').filter({ hasText: 'Loading the data for all 7 articles…' })).toBeVisible();
  await expect(page.locator('main article')).toHaveCount(0);
  release();
  await expect(page.locator('#reader-title')).toHaveText('Eight agencies sign a launch data pact');
  // The address is read with the slugs, and what it ignores is named.
  await expect(page.locator('.notices')).toContainText('zz');
});

test('facets that cannot be loaded are named, and the first view stays', async ({ page, baseURL }) => {
  await page.route(/\/data-[0-9a-f]{16}\/filter\.bin$/, (route) => route.fulfill({ status: 404, body: 'gone' }));
  await page.goto(alt(baseURL));
  await expect(page.locator('main article')).toHaveCount(7);
  // Anything but the first view says why it cannot show, and never spins.
  await page.locator('fieldset[data-facet="collection"] input').first().check();
  await expect(page.getByRole('alert')).toContainText(/cannot be searched or filtered: could not load \/alt\/data-[0-9a-f]{16}\/filter\.bin: HTTP 404/);
  await expect(page.getByText('Loading the data for all 7 articles…')).toHaveCount(0);
});

test('a corrupt search index is reported by name', async ({ page, baseURL }) => {
  await page.route(/\/data-[0-9a-f]{16}\/index\.bin$/, (route) =>
    route.fulfill({ status: 200, contentType: 'application/octet-stream', body: Buffer.from([0xff, 0xff, 0xff, 0xff, 0x01]) }),
  );
  await page.goto(alt(baseURL, '?q=satellite'));
  await expect(page.getByRole('alert')).toContainText(/could not load .*\/index\.bin/);
});

test('opening an article fetches that article only, and the reader shows it', async ({ page, baseURL }) => {
  const shards = shardRequests(page);
  await page.goto(alt(baseURL));
  await page.getByRole('link', { name: 'Kenya and Peru share a weather satellite' }).click();
  await expect(page.locator('.reader-body')).toContainText('The first images of the coast of Peru');
  await expect(page.locator('.reader-body [data-quote="1"]')).toHaveAttribute('data-speaker', 'Amina Otieno');
  await expect(page.locator('#reader-title')).toBeFocused();
  // (Articles are numbered newest first at build time; the number is the
  // build's own, so the test names none.)
  const fetched = shards.filter((s) => !['filter.bin', 'index.bin'].includes(s));
  expect(fetched).toHaveLength(1);
  expect(fetched[0]).toMatch(/^doc\/\d+\.bin$/);
  // A deep link to a highlighted quotation works the same way.
  await page.goto(alt(baseURL, '?doc=kenya-and-peru-share-a-weather-satellite&quote=1'));
  await expect(page.locator('.reader-body [data-quote="1"].current')).toBeVisible();
});

test('an article opened before the facets arrive is fetched alongside them, not after', async ({ page, baseURL }) => {
  const shards = shardRequests(page);
  const release = await holdShards(page);
  await page.goto(alt(baseURL));
  await page.getByRole('link', { name: 'Kenya and Peru share a weather satellite' }).click();
  // The reader waits for the results it steps through (the filter), and
  // the article's text is already on its way while it does.
  await expect.poll(() => shards.filter((s) => /^doc\/\d+\.bin$/.test(s)).length).toBe(1);
  expect(shards).toContain('filter.bin');
  await expect(page.locator('.reader-body')).toHaveCount(0);
  release();
  await expect(page.locator('.reader-body')).toContainText('The first images of the coast of Peru');
  await expect(page.locator('.reader-position')).toHaveText(/^\d of 7$/);
});

test('a phrase fetches word positions and matches exactly, in order', async ({ page, baseURL }) => {
  const shards = shardRequests(page);
  await page.goto(alt(baseURL, '?q=%22small+countries%22'));
  await expect(page.locator('.result-count')).toHaveText('1 article');
  await expect(page.locator('main article .snippet mark')).toHaveText(['Small countries']);
  expect(shards.filter((s) => s.startsWith('pos/')).length).toBeGreaterThan(0);
  await page.goto(alt(baseURL, '?q=%22countries+small%22'));
  await expect(page.locator('.result-count')).toHaveText('0 articles');
});

test('the quotes and countries views fill in from the shards', async ({ page, baseURL }) => {
  await page.goto(alt(baseURL, '?view=quotes'));
  const quote = page.locator('.quote-card blockquote[data-speaker="Amina Otieno"]');
  await expect(quote).toContainText('Small countries can still reach orbit together');
  await page.goto(alt(baseURL, '?view=countries&country=KE'));
  const lines = page.locator('.kwic[data-country="KE"] .kwic-text');
  await expect(lines.first()).toBeVisible();
  await expect(lines.locator('mark').first()).toHaveText(/Kenya|NAIROBI/);
});

test('the order by title and the quotations come only when asked for, and a failure is named', async ({ page, baseURL }) => {
  const shards = shardRequests(page);
  let releaseTitles = () => {};
  const titlesHeld = new Promise<void>((resolve) => { releaseTitles = resolve; });
  await page.route(/\/data-[0-9a-f]{16}\/titles\.bin$/, async (route) => { await titlesHeld; await route.continue(); });
  await page.route(/\/data-[0-9a-f]{16}\/quotes\.bin$/, (route) => route.fulfill({ status: 404, body: 'gone' }));
  await page.goto(alt(baseURL, '?q=satellite'));
  await expect(page.locator('main article').first()).toBeVisible();
  await expect.poll(() => shards.includes('filter.bin') && shards.includes('index.bin')).toBe(true);
  // A search and its counts need neither.
  expect(shards.filter((p) => p === 'titles.bin' || p === 'quotes.bin')).toEqual([]);
  // Sorting by title waits for its order, then lists by title.
  await page.goto(alt(baseURL, '?sort=title'));
  await expect(page.getByRole('status').filter({ hasText: 'Loading the data for all 7 articles…' })).toBeVisible();
  releaseTitles();
  const titles = page.locator('main article h2');
  await expect(titles).toHaveCount(7);
  const shown = await titles.allTextContents();
  expect(shown).toEqual([...shown].sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1)));
  // The Quotes view names the part it could not load, and never spins.
  await page.goto(alt(baseURL, '?view=quotes'));
  await expect(page.getByRole('alert')).toContainText(/The quotations cannot be listed: could not load \/alt\/data-[0-9a-f]{16}\/quotes\.bin: HTTP 404/);
  await expect(page.getByText('Loading the quotations…')).toHaveCount(0);
});

test('a missing shard is reported, not shown as an empty article', async ({ page, baseURL }) => {
  await page.route(/\/data-[0-9a-f]{16}\/doc\//, (route) => route.fulfill({ status: 404, body: 'gone' }));
  await page.goto(alt(baseURL, '?doc=kenya-and-peru-share-a-weather-satellite'));
  await expect(page.locator('#reader-title')).toHaveText('Kenya and Peru share a weather satellite');
  await expect(page.getByRole('alert')).toContainText(/doc\/\d+\.bin: HTTP 404/);
});

test('a card shows its six most mentioned countries, any in the filter, and how many more', async ({ page, baseURL }) => {
  await page.goto(alt(baseURL));
  const card = page.locator('main article', { hasText: 'Eight agencies sign a launch data pact' });
  await expect(card.locator('.country-chip')).toHaveText(['Norway', 'Brazil', 'Chile', 'Germany', 'Spain', 'France']);
  await expect(card.locator('.chip-more')).toHaveText('+2 more');
  await page.goto(alt(baseURL, '?country=JP'));
  await expect(card.locator('.country-chip.selected')).toHaveText('Japan');
  await expect(card.locator('.country-chip')).toHaveCount(7);
  await expect(card.locator('.chip-more')).toHaveText('+1 more');
});

test("the curator's link to the original shows in the reader, safely", async ({ page, baseURL }) => {
  await page.goto(alt(baseURL, '?doc=kenya-and-peru-share-a-weather-satellite'));
  const link = page.getByRole('link', { name: 'Original article' });
  await expect(link).toHaveAttribute('href', 'https://example.org/news/kenya-peru-satellite');
  await expect(link).toHaveAttribute('rel', 'noopener noreferrer');
  await page.goto(alt(baseURL, '?doc=eight-agencies-sign-a-launch-data-pact'));
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Original article' })).toHaveCount(0);
});

test('a file whose name tries to inject build directives is built and shown as data', async ({ page, baseURL }) => {
  // `cargo xtask test` adds a file named "injected\ncargo::error=INJECTED…" to
  // this corpus; the build succeeded, so no directive was taken from it.
  await page.goto(alt(baseURL, '?q=inject'));
  await expect(page.locator('.result-count')).toHaveText('1 article');
  await expect(page.getByRole('heading', { name: 'A file name that tries to inject build directives' })).toBeVisible();
});

test('a corrupt shard is reported by name, not shown as an empty article', async ({ page, baseURL }) => {
  await page.route(/\/data-[0-9a-f]{16}\/doc\//, (route) =>
    route.fulfill({ status: 200, contentType: 'application/octet-stream', body: Buffer.from([0xff, 0xff, 0xff, 0xff, 0x01]) }),
  );
  await page.goto(alt(baseURL, '?doc=kenya-and-peru-share-a-weather-satellite'));
  await expect(page.locator('#reader-title')).toHaveText('Kenya and Peru share a weather satellite');
  await expect(page.getByRole('alert')).toContainText(/could not load .*doc\/\d+\.bin/);
});

test('a curator\'s folder: subfolders are collections, dates come from the table and the file name', async ({ page, baseURL }) => {
  // `wire/` holds two articles: one dated only by its file name, one undated.
  await page.goto(alt(baseURL, '?collection=wire'));
  await expect(page.locator('.result-count')).toHaveText('2 articles');
  const collection = page.locator('fieldset[data-facet="collection"]');
  await expect(collection.locator('legend')).toHaveText('Collection');
  await expect(collection.locator('.facet-value')).toHaveText(['wire 2']);
  // Year counts: 2019 from the file name, and an undated brief.
  const years = page.locator('fieldset[data-facet="year"] .facet-value');
  await expect(years.filter({ hasText: '2019' })).toHaveText('2019 1');
  await expect(years.filter({ hasText: 'Undated' })).toHaveText('Undated 1');
  const card = page.locator('main article', { hasText: 'Orbit talks resume after a long pause' });
  await expect(card.locator('.card-meta')).toContainText('14 March 2019 (file name)');
  await card.getByRole('link', { name: 'Orbit talks resume after a long pause' }).click();
  await expect(page.locator('.reader-meta')).toContainText('14 March 2019 (from the file name)');
  // corpus.csv dates a.txt; its other column is the curator's own.
  await page.goto(alt(baseURL, '?year=2020'));
  await expect(page.locator('.result-count')).toHaveText('1 article');
  await expect(page.locator('main article .card-meta')).toContainText('15 January 2020 (curator)');
  await expect(page.locator('main article .card-meta')).toContainText('Agence Test');
  // A flat corpus has no collections, and so no such facet.
  await page.goto(new URL('./', baseURL!).href);
  await expect(page.locator('main article').first()).toBeVisible();
  await expect(page.locator('fieldset[data-facet="collection"]')).toHaveCount(0);
});
