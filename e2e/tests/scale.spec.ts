import { test, expect, Page, started } from './app';
import { HEAD, shardRequests } from './requests';

// `/big/` is 400 generated articles, sharded (`cargo xtask test` builds it):
// the app embeds only the first view, and fetches the rest in parts as views
// need them: the facets (`filter.bin`), the search index without its terms
// (`index.bin`) and the fragments of terms a query's words need
// (`terms/K.bin`), the slugs (`slugs.bin`), the map (`map.bin`), summaries
// in chunks (`sum/K.bin`), and whole documents (`doc/N.bin`).

const big = (baseURL: string | undefined, query = '') => new URL(`/big/${query}`, baseURL!).href;


const cards = (page: Page) => page.locator('main article.card');

test('the first view needs no shard but its head, and then only the facets and the index', async ({ page, baseURL }) => {
  const shards = shardRequests(page);
  // Nothing of the corpus but its head is served: the first view must come
  // from the app and the head.
  await page.route(/\/data-[0-9a-f]{16}\//, (route) =>
    HEAD.test(new URL(route.request().url()).pathname) ? route.continue() : route.abort());
  await page.goto(big(baseURL));
  await expect(cards(page)).toHaveCount(15);
  await expect(page.locator('.result-count')).toHaveText('400 articles');
  await expect(page.locator('.tagline')).toContainText('400 articles');
  expect(await page.locator('fieldset.facet[data-facet="country"] .facet-count').count()).toBeGreaterThan(5);
  await expect.poll(() => [...shards].sort()).toEqual(['filter.bin', 'index.bin']);
});

test('counts and cards of the first view are those the whole corpus gives', async ({ page, baseURL }) => {
  await page.goto(big(baseURL));
  await expect(cards(page)).toHaveCount(15);
  const sidebar = await page.locator('fieldset.facet .facet-value').allTextContents();
  const titles = await cards(page).locator('h2').allTextContents();
  const chart = await page.locator('.timeline .bin').evaluateAll((all) => all.map((b) => b.getAttribute('aria-label')));
  // Sorting oldest first and back runs the whole filter over every article.
  await page.locator('.sort select').selectOption('oldest');
  await expect(cards(page).first().locator('h2')).not.toHaveText(titles[0]);
  await page.locator('.sort select').selectOption('newest');
  await expect(cards(page).locator('h2')).toHaveText(titles);
  expect(await page.locator('fieldset.facet .facet-value').allTextContents()).toEqual(sidebar);
  expect(await page.locator('.timeline .bin').evaluateAll((all) => all.map((b) => b.getAttribute('aria-label')))).toEqual(chart);
});

test('more cards and a facet fetch the summaries of the cards on show only', async ({ page, baseURL }) => {
  const shards = shardRequests(page);
  await page.goto(big(baseURL));
  await expect(cards(page)).toHaveCount(15);
  await page.waitForLoadState('networkidle');
  await page.getByRole('button', { name: /Show 15 more articles/ }).click();
  await expect(cards(page)).toHaveCount(30);
  const chunks = () => shards.filter((s) => s.startsWith('sum/'));
  expect(chunks().length).toBeGreaterThan(0);
  expect(chunks().length).toBeLessThanOrEqual(15);
  // A facet: exact counts from the facets, cards from their chunks.
  const before = chunks().length;
  const value = page.locator('fieldset.facet[data-facet="country"] li').nth(3);
  const count = Number(await value.locator('.facet-count').textContent());
  await value.locator('input').check();
  await expect(page.locator('.result-count')).toHaveText(`${count} articles`);
  await expect(cards(page)).toHaveCount(Math.min(15, count));
  expect(chunks().length - before).toBeLessThanOrEqual(15);
  expect(new Set(chunks()).size).toBe(chunks().length);
  // No search, no fragment of the terms.
  expect(shards.filter((s) => s.startsWith('terms/'))).toEqual([]);
});

test('a search fetches the index; a deep link the slugs; the map view the map', async ({ page, baseURL }) => {
  const shards = shardRequests(page);
  await page.goto(big(baseURL, '?q=space'));
  await expect(page.locator('.result-count')).toHaveText(/^\d+ articles?$/);
  await expect(cards(page).first().locator('.snippet mark').first()).toHaveText(/space/i);
  expect(shards).toContain('index.bin');
  // One word, one fragment of the terms (a prefix while typing: a few).
  const fragments = shards.filter((s) => s.startsWith('terms/'));
  expect(fragments.length).toBeGreaterThan(0);
  expect(fragments.length).toBeLessThanOrEqual(2);
  expect(shards).not.toContain('slugs.bin');
  // A deep link to an article off the first page.
  const href = await cards(page).last().locator('h2 a').getAttribute('href');
  const slug = new URL(href!, baseURL).searchParams.get('doc');
  await page.goto(big(baseURL, `?doc=${slug}&quote=1`));
  await expect(page.locator('#reader-title')).toBeVisible();
  expect(shards).toContain('slugs.bin');
  await expect(page.locator('.reader-body [data-quote="1"].current')).toBeVisible();
  await page.goto(big(baseURL, '?view=countries'));
  await expect(page.locator('figure.map svg [data-country]').first()).toBeAttached();
  expect(shards).toContain('map.bin');
});

test('a chunk of summaries that fails is named on its cards; the others show', async ({ page, baseURL }) => {
  await page.route(/\/data-[0-9a-f]{16}\/sum\/1\.bin$/, (route) => route.fulfill({ status: 500, body: 'broken' }));
  await page.goto(big(baseURL, '?sort=oldest'));
  const failed = page.locator('main article.card-pending .load-error');
  await expect(cards(page).first()).toBeVisible();
  // Whether chunk 1 is on the first page depends on the dates; page on until it is.
  for (let i = 0; i < 30 && (await failed.count()) === 0; i++) {
    await page.getByRole('button', { name: /Show \d+ more articles/ }).click();
  }
  await expect(failed.first()).toContainText(/cannot be shown: could not load \/big\/data-[0-9a-f]{16}\/sum\/1\.bin: HTTP 500/);
  expect(await cards(page).count()).toBeGreaterThan(0);
});

test('a deep link whose slugs cannot be loaded says so, and shows the rest', async ({ page, baseURL }) => {
  await page.route(/\/data-[0-9a-f]{16}\/slugs\.bin$/, (route) => route.fulfill({ status: 404, body: 'gone' }));
  await page.goto(big(baseURL, '?doc=no-such-article&view=quotes'));
  await expect(page.locator('.notices')).toContainText(/could not load \/big\/data-[0-9a-f]{16}\/slugs\.bin: HTTP 404/);
  await expect(page.locator('.quote-card').first()).toBeVisible();
});

test('a fragment of terms that fails is named, and filters still work', async ({ page, baseURL }) => {
  await page.route(/\/data-[0-9a-f]{16}\/terms\//, (route) => route.fulfill({ status: 404, body: 'gone' }));
  await page.goto(big(baseURL, '?q=space'));
  await expect(page.getByRole('alert')).toContainText(/cannot be searched or filtered: could not load \/big\/data-[0-9a-f]{16}\/terms\/\d+\.bin: HTTP 404/);
  // Filters without a search still work.
  await page.goto(big(baseURL, '?sort=oldest'));
  await expect(page.locator('.result-count')).toHaveText('400 articles');
});

test('a search shows its cards before the facets arrive, and its counts once they have', async ({ page, baseURL }) => {
  // The facets are held back until the search has shown.
  let release = () => {};
  const held = new Promise<void>((resolve) => { release = resolve; });
  await page.route(/\/data-[0-9a-f]{16}\/filter\.bin$/, async (route) => { await held; await route.continue(); });
  await page.goto(big(baseURL, '?q=space'));
  await expect(cards(page).first().locator('.snippet mark').first()).toHaveText(/space/i);
  // Each card comes with its own document: wait for the whole page of them.
  await expect(page.locator('main article.card-pending')).toHaveCount(0);
  await expect(cards(page)).toHaveCount(15);
  const total = await page.locator('.result-count').textContent();
  const titles = await cards(page).locator('h2').allTextContents();
  // Until then the counts are hidden and the chart says it is counting.
  await expect(page.locator('.browse')).toHaveClass(/waiting/);
  await expect(page.locator('fieldset.facet .facet-count').first()).toBeHidden();
  await expect(page.locator('.timeline-note')).toHaveText('Counting by date…');
  // A view that needs the facets waits for them.
  const views = page.getByRole('navigation', { name: 'Views' });
  await views.getByRole('link', { name: 'Quotes' }).click();
  await expect(page.locator('.load-status')).toContainText('Loading the data for all 400 articles');
  await views.getByRole('link', { name: 'Articles' }).click();
  await expect(cards(page).locator('h2')).toHaveText(titles);
  release();
  await expect(page.locator('.browse')).not.toHaveClass(/waiting/);
  await expect(page.locator('.timeline-note')).not.toHaveText('Counting by date…');
  // The same results, now counted: a value's count is what choosing it gives.
  await expect(page.locator('.result-count')).toHaveText(total!);
  await expect(cards(page).locator('h2')).toHaveText(titles);
  const value = page.locator('fieldset.facet[data-facet="country"] li').first();
  const count = Number(await value.locator('.facet-count').textContent());
  await value.locator('input').check();
  await expect(page.locator('.result-count')).toHaveText(`${count} article${count === 1 ? '' : 's'}`);
});

test('a first search asks for the facets only once its cards are on screen', async ({ page, baseURL }) => {
  const shards = shardRequests(page);
  await page.goto(big(baseURL, '?q=space'));
  await expect(page.locator('main article.card-pending')).toHaveCount(0);
  await expect(cards(page)).toHaveCount(15);
  // Its counts follow: the facets are asked for after its words and the
  // documents of its cards, so that they do not share the network.
  await expect(page.locator('.browse')).not.toHaveClass(/waiting/);
  const filter = shards.indexOf('filter.bin');
  const before = shards.slice(0, filter);
  expect(filter).toBeGreaterThan(0);
  expect(before.filter((s) => s.startsWith('terms/')).length).toBeGreaterThan(0);
  expect(before.filter((s) => s.startsWith('doc/')).length).toBe(15);
  expect(shards.slice(filter).filter((s) => s.startsWith('terms/') || s.startsWith('doc/'))).toEqual([]);
});

test('a first search\'s facets wait until its cards\' documents have arrived, not only been asked for', async ({ page, baseURL }) => {
  const shards = shardRequests(page);
  let release = () => {};
  const held = new Promise<void>((resolve) => { release = resolve; });
  await page.route(/\/data-[0-9a-f]{16}\/doc\/\d+\.bin$/, async (route) => { await held; await route.continue(); });
  await page.goto(big(baseURL, '?q=space'));
  await expect.poll(() => shards.filter((s) => s.startsWith('doc/')).length).toBe(15);
  // Past the second after which the facets are due, with the documents on
  // their way: the facets are not asked for.
  await page.waitForTimeout(1500);
  expect(shards).not.toContain('filter.bin');
  release();
  await expect(page.locator('main article mark').first()).toBeVisible();
  await expect.poll(() => shards.includes('filter.bin')).toBe(true);
  await expect(page.locator('.browse')).not.toHaveClass(/waiting/);
});

for (const [how, act] of [
  ['the pointer on a facet', (page: Page) => page.locator('fieldset.facet[data-facet="country"] li').first().hover()],
  ['the focus on the sort menu', (page: Page) => page.locator('.sort select').focus()],
] as const) {
  test(`${how} asks for the facets at once`, async ({ page, baseURL }) => {
    const shards = shardRequests(page);
    // The index held back: alone, the page would not ask for the facets
    // while it is on its way.
    await page.route(/\/data-[0-9a-f]{16}\/index\.bin$/, () => {});
    await page.goto(big(baseURL));
    await expect.poll(() => [...shards]).toEqual(['index.bin']);
    await act(page);
    await expect.poll(() => [...shards]).toEqual(['index.bin', 'filter.bin']);
  });
}

// A large facet's values grow with the corpus (real news names a new person
// every article or so), so the first view carries only the speakers it
// shows: the first eight and its cards'. The rest come with the facets.
test('the first view holds a few speakers; "Show all" and a link to another one wait for the facets', async ({ page, baseURL }) => {
  let release = () => {};
  const held = new Promise<void>((resolve) => { release = resolve; });
  await page.route(/\/data-[0-9a-f]{16}\/filter\.bin$/, async (route) => { await held; await route.continue(); });
  await page.goto(big(baseURL));
  const speakers = page.locator('fieldset.facet[data-facet="speaker"]');
  await expect(speakers.locator('li')).toHaveCount(8);
  const showAll = speakers.getByRole('button', { name: /^Show all \d+$/ });
  const total = Number((await showAll.textContent())!.replace(/\D/g, ''));
  expect(total).toBeGreaterThan(256);
  // Every card names its speakers from the first view alone.
  await expect(cards(page)).toHaveCount(15);
  for (const quote of await cards(page).locator('blockquote[data-speaker]').all()) {
    expect(await quote.getAttribute('data-speaker')).not.toBe('');
  }
  await showAll.click();
  await expect(speakers.getByRole('status')).toHaveText(`Loading all ${total}…`);
  release();
  await expect(speakers.locator('li')).toHaveCount(total);
  await expect(speakers.getByRole('status')).toHaveCount(0);
  // The rarest speaker: its link, opened afresh, waits for the facets and filters by it.
  const last = speakers.locator('li').last();
  const name = (await last.locator('.facet-name').textContent())!;
  const count = Number(await last.locator('.facet-count').textContent());
  await last.locator('input').check();
  await expect(page.locator('.result-count')).toHaveText(`${count} article${count === 1 ? '' : 's'}`);
  const link = page.url();
  expect(new URL(link).searchParams.get('speaker')).toMatch(/^[a-z0-9-]+$/);
  const fresh = await page.context().newPage();
  await fresh.goto(link);
  await started(fresh);
  await expect(fresh.locator('.result-count')).toHaveText(`${count} article${count === 1 ? '' : 's'}`);
  await expect(fresh.locator('.active-filters .chip[data-facet="speaker"]')).toContainText(name);
  await expect(fresh.locator('.notices')).toHaveCount(0);
  await fresh.close();
});

test('a search\'s cards name their speakers before the facets arrive', async ({ page, baseURL }) => {
  // The facets never come.
  await page.route(/\/data-[0-9a-f]{16}\/filter\.bin$/, () => {});
  await page.goto(big(baseURL, '?q=said'));
  await expect(page.locator('main article.card-pending')).toHaveCount(0);
  await expect(cards(page)).toHaveCount(15);
  const named = await cards(page).locator('blockquote[data-speaker]').evaluateAll((all) => all.map((q) => q.getAttribute('data-speaker')));
  expect(named.length).toBeGreaterThan(0);
  expect(named.filter((n) => !n)).toEqual([]);
});
