import { test, expect, Page } from '@playwright/test';

// The page carries the first view's HTML, rendered by the build from the
// app's own components (src/prerender.rs): the first card shows with the
// page, before the app's code has arrived, and the app replaces it when it
// starts (src/first_view.rs). These tests use Playwright's bare page, which
// does not wait for the app (see app.ts), and hold the wasm back to see the
// page as a reader sees it first.

const at = (baseURL: string | undefined, site: string, query = '') => new URL(`/${site}/${query}`, baseURL!).href;

/** Holds the responses for `url` until the returned function is called. */
async function hold(page: Page, url: RegExp): Promise<() => void> {
  let release = () => {};
  const gate = new Promise<void>((resolve) => { release = resolve; });
  await page.route(url, async (route) => {
    await gate;
    await route.continue();
  });
  return release;
}

/** Holds the app's wasm until the returned function is called. */
const holdApp = (page: Page) => hold(page, /_bg\.wasm$/);

const started = (page: Page) => page.waitForFunction(() => !document.getElementById('first-view'));

/** What a reader sees of the page: its visible text, and where its first
 * card is, once a frame has been rendered (cards off screen are skipped,
 * `content-visibility: auto`, and have no text until the browser has laid
 * them out). */
const seen = (page: Page) => page.evaluate(async () => {
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  return {
    text: document.body.innerText,
    card: JSON.stringify(document.querySelector('main article.card')?.getBoundingClientRect()),
  };
});

for (const site of ['orrery', 'alt', 'big']) {
  test(`${site}: the first view shows before the app's code arrives, and the app takes its place unchanged`, async ({ page, baseURL }) => {
    const release = await holdApp(page);
    // A large corpus's facets, asked for once the app has painted, would
    // change the page (its downloads are offered with them): held, the app
    // is seen at its first instant, which is what the build rendered. (Not
    // its head, which the app starts from.)
    await hold(page, /\/data-[0-9a-f]{16}\/(?!head\.bin$)/);
    await page.goto(at(baseURL, site), { waitUntil: 'domcontentloaded' });
    await expect(page.locator('#first-view main article.card').first()).toBeVisible();
    await expect(page.locator('#first-view .result-count')).toHaveText(/^\d+ articles?$/);
    const before = await seen(page);
    release();
    await started(page);
    await expect(page.locator('main article.card').first()).toBeVisible();
    // The same words in the same places: no jump when the app starts.
    expect(await seen(page)).toEqual(before);
  });
}

test('an address with a query shows no first view, only the app\'s answer', async ({ page, baseURL }) => {
  const release = await holdApp(page);
  await page.goto(at(baseURL, 'orrery', '?q=lunar'), { waitUntil: 'domcontentloaded' });
  await expect(page.locator('#first-view')).toBeHidden();
  expect(await page.locator('article.card:visible').count()).toBe(0);
  release();
  await started(page);
  await expect(page.locator('#search')).toHaveValue('lunar');
  await expect(page.locator('main article.card mark').first()).toHaveText(/lunar/i);
});

test('a value ticked before the app starts is filtered by when it does', async ({ page, baseURL }) => {
  const release = await holdApp(page);
  await page.goto(at(baseURL, 'orrery'), { waitUntil: 'domcontentloaded' });
  const row = page.locator('#first-view fieldset[data-facet="year"] li').first();
  const year = (await row.locator('.facet-name').textContent())!;
  const count = Number(await row.locator('.facet-count').textContent());
  await row.locator('input').check();
  release();
  await started(page);
  await expect(page).toHaveURL(new RegExp(`\\?year=${year}$`));
  await expect(page.locator('fieldset[data-facet="year"] input:checked')).toHaveCount(1);
  await expect(page.locator('.result-count')).toHaveText(`${count} article${count === 1 ? '' : 's'}`);
  await expect(page.locator('.active-filters .chip')).toContainText(year);
});

test('what is typed before the app starts is searched when it does, with the focus kept', async ({ page, baseURL }) => {
  const release = await holdApp(page);
  await page.goto(at(baseURL, 'orrery'), { waitUntil: 'domcontentloaded' });
  await page.locator('#first-view #search').fill('lunar');
  release();
  await started(page);
  await expect(page).toHaveURL(/\?q=lunar$/);
  await expect(page.locator('#search')).toHaveValue('lunar');
  await expect(page.locator('#search')).toBeFocused();
  await expect(page.locator('main article.card mark').first()).toHaveText(/lunar/i);
  // Typing goes on into the app's box.
  await page.keyboard.type(' station');
  await expect(page).toHaveURL(/\?q=lunar(\+|%20)station$/);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the first view is readable, its links work under the subpath, and markup stays text', async ({ page, baseURL }) => {
    await page.goto(at(baseURL, 'alt'));
    await expect(page.locator('.no-script')).toContainText('needs JavaScript');
    const cards = page.locator('main article.card');
    await expect(cards.first()).toBeVisible();
    await expect(page.locator('.result-count')).toHaveText('7 articles');
    // The corpus's markup is shown, never run or parsed.
    await expect(page.locator('main article.card h2', { hasText: '<script>alert("x")</script>' })).toHaveCount(1);
    await expect(page.locator('#first-view script, #first-view img')).toHaveCount(0);
    const href = await cards.first().locator('h2 a').getAttribute('href');
    expect(href).toMatch(/^\.\/\?doc=[a-z0-9-]+$/);
    await cards.first().locator('h2 a').click();
    await expect(page).toHaveURL(new RegExp(`^${at(baseURL, 'alt').replace(/[.?]/g, '\\$&')}\\?doc=`));
  });
});
