import { test, expect, Page } from './app';
import { violations } from './axe';

const count = (page: Page) => page.locator('.result-count');
const cards = (page: Page) => page.locator('main article.card');
const READER_003 = '?doc=china-space-station-welcomes-foreign-astronauts-fm-spokesperson';

test.describe('URL keys', () => {
  test('country, alone, repeated and comma-separated', async ({ page }) => {
    await page.goto('./?country=VE');
    await expect(count(page)).toHaveText('1 article');
    await expect(cards(page).getByRole('heading')).toHaveText(['Xi hails shared space progress']);
    await page.goto('./?country=VE&country=PK');
    await expect(count(page)).toHaveText('2 articles');
    await page.goto('./?country=ve,pk');
    await expect(count(page)).toHaveText('2 articles');
  });

  test('year, source and speaker combine with AND', async ({ page }) => {
    await page.goto('./?year=2022');
    await expect(count(page)).toHaveText('3 articles');
    await page.goto('./?year=2022&source=xinhua');
    await expect(count(page)).toHaveText('2 articles');
    await page.goto('./?year=2022&source=xinhua&speaker=xi-jinping');
    await expect(count(page)).toHaveText('1 article');
  });

  test('q searches with highlighted hits and keyword-in-context snippets', async ({ page }) => {
    await page.goto('./?q=lunar');
    await expect(count(page)).toHaveText('2 articles');
    await expect(cards(page).locator('mark').first()).toHaveText(/lunar/i);
    await expect(page.getByRole('searchbox', { name: 'Search' })).toHaveValue('lunar');
  });

  test('sort orders the cards', async ({ page }) => {
    await page.goto('./?sort=oldest');
    await expect(cards(page).first().getByRole('heading')).toContainText('Publicizing Conference');
    await page.goto('./?sort=title');
    await expect(cards(page).first().getByRole('heading')).toContainText('China Hosted');
  });

  test('view=quotes lists quotations with their speakers', async ({ page }) => {
    await page.goto('./?view=quotes&speaker=wang-wenbin');
    await expect(page.locator('blockquote[data-quote]')).toHaveCount(4);
    for (const q of await page.locator('blockquote[data-quote]').all()) {
      await expect(q).toHaveAttribute('data-speaker', 'Wang Wenbin');
    }
  });

  test('view=countries lists the countries of the result set', async ({ page }) => {
    await page.goto('./?view=countries&year=2022');
    await expect(page.locator('tr[data-country]')).toHaveCount(6);
    await expect(page.locator('tr[data-country="VE"]')).toHaveCount(0);
  });

  test('doc and quote open the reader at the highlighted quote', async ({ page }) => {
    await page.goto(`./${READER_003}&quote=2`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('China Space Station welcomes foreign astronauts: FM Spokesperson');
    const quotes = page.locator('.reader [data-quote]');
    await expect(quotes).toHaveCount(4);
    for (const q of await quotes.all()) await expect(q).toHaveAttribute('data-speaker', 'Wang Wenbin');
    await expect(page.locator('.reader [data-quote="2"]')).toHaveClass(/current/);
    await expect(page.locator('.reader [data-country="PK"]')).toHaveCount(1);
    await expect(page.getByText('supplied by the curator')).toHaveCount(0);
    await expect(page.getByText('(from the text)')).toBeVisible();
  });
});

test('facet counts are disjunctive and empty values are disabled', async ({ page }) => {
  await page.goto('./?country=VE');
  const filters = page.getByRole('navigation', { name: 'Filters' });
  await filters.getByRole('button', { name: 'Show all 12' }).click();
  await expect(filters.getByRole('checkbox', { name: /^Pakistan/ })).toBeEnabled();
  await expect(filters.getByText('Pakistan').locator('..').locator('.facet-count')).toHaveText('1');
  await expect(filters.getByRole('checkbox', { name: /^2018/ })).toBeDisabled();
});

test('clicking facets, chips and views pushes history; Back and Forward restore it', async ({ page }) => {
  await page.goto('./');
  const filters = page.getByRole('navigation', { name: 'Filters' });
  await filters.getByRole('button', { name: 'Show all 12' }).click();
  await filters.getByRole('checkbox', { name: /^Venezuela/ }).check();
  await expect(page).toHaveURL(/\?country=VE$/);
  await expect(count(page)).toHaveText('1 article');
  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Quotes' }).click();
  await expect(page).toHaveURL(/\?country=VE&view=quotes$/);
  await page.goBack();
  await expect(page).toHaveURL(/\?country=VE$/);
  await expect(count(page)).toHaveText('1 article');
  await page.goBack();
  await expect(count(page)).toHaveText('5 articles');
  await expect(filters.getByRole('checkbox', { name: /^Venezuela/ })).not.toBeChecked();
  await page.goForward();
  await expect(count(page)).toHaveText('1 article');
  await expect(filters.getByRole('checkbox', { name: /^Venezuela/ })).toBeChecked();
});

test('typing replaces the history entry; the reader keeps filters for Back with scroll restored', async ({ page }) => {
  await page.goto('./?year=2022');
  await page.getByRole('searchbox', { name: 'Search' }).pressSequentially('space station');
  await expect(page).toHaveURL(/q=space%20station/);
  await page.setViewportSize({ width: 800, height: 400 });
  await page.evaluate(() => window.scrollTo(0, 300));
  await page.waitForTimeout(100);
  const card = cards(page).filter({ hasText: 'Xiplomacy' });
  await card.getByRole('heading').getByRole('link').click();
  await expect(page).toHaveURL(/doc=xiplomacy/);
  await expect(page.locator('.reader mark').first()).toBeVisible();
  await page.goBack();
  await expect(page).toHaveURL(/\?q=space%20station&year=2022$/);
  await expect(page.getByRole('searchbox', { name: 'Search' })).toHaveValue('space station');
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(200);
});

test('quick facet clicks still make one history entry each, in order', async ({ page }) => {
  await page.goto('./');
  await expect(cards(page)).toHaveCount(5);
  const rows = page.locator('#filters fieldset').first().locator('li input');
  // Both clicks land before either history entry is written (the address
  // bar follows once the frame is painted).
  await page.evaluate(() => {
    const boxes = document.querySelectorAll<HTMLInputElement>('#filters fieldset li input');
    boxes[1].click();
    boxes[2].click();
  });
  await expect(page).toHaveURL(/\?country=[A-Z]{2}&country=[A-Z]{2}$/);
  await page.goBack();
  await expect(page).toHaveURL(/\?country=[A-Z]{2}$/);
  await expect(rows.nth(1)).toBeChecked();
  await expect(rows.nth(2)).not.toBeChecked();
  await page.goBack();
  await expect(page).toHaveURL(/\/orrery\/$/);
  await expect(count(page)).toHaveText('5 articles');
  await expect(rows.nth(1)).not.toBeChecked();
});

test('Back and Forward restore the highlighted quote', async ({ page }) => {
  await page.goto(`./${READER_003}`);
  await page.goto(`./${READER_003}&quote=3`);
  await expect(page.locator('.reader [data-quote="3"]')).toHaveClass(/current/);
  await page.goBack();
  await expect(page.locator('.reader .current')).toHaveCount(0);
  await page.goForward();
  await expect(page.locator('.reader [data-quote="3"]')).toHaveClass(/current/);
});

test('next and previous move through the current result set', async ({ page }) => {
  await page.goto('./?year=2022&doc=china-un-promote-new-space-exploration-partnership');
  await expect(page.getByText('1 of 3')).toBeVisible();
  await page.getByRole('link', { name: /^Next:/ }).click();
  await expect(page.getByText('2 of 3')).toBeVisible();
  await expect(page).toHaveURL(/year=2022/);
});

test('a deep link reloads under the subpath on a plain static server', async ({ page }) => {
  await page.goto(`./?country=PK${READER_003.replace('?', '&')}&quote=1`);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('China Space Station');
  expect(new URL(page.url()).pathname).toBe('/orrery/');
});

test('bad parameters are ignored with a dismissible notice naming them', async ({ page }) => {
  const huge = 'x'.repeat(3000);
  await page.goto(`./?country=XX&year=abc&speaker=nobody&doc=nope&q=${huge}`);
  const notice = page.locator('.notices');
  for (const name of ['XX', 'abc', 'nobody', 'nope', '200 characters']) await expect(notice).toContainText(name);
  await expect(page.locator('main')).toBeVisible();
  await notice.getByRole('button', { name: 'Dismiss' }).click();
  await expect(notice).toHaveCount(0);
});

test('a document with markup shows it as text', async ({ page, baseURL }) => {
  const dialogs: string[] = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
  await page.goto(new URL('/alt/?q=%3Cscript%3E', baseURL!).href);
  await expect(page.getByRole('heading', { name: 'Markup <script>alert("x")</script> stays text' })).toBeVisible();
  await page.getByRole('link', { name: /Markup <script>/ }).click();
  await expect(page.locator('.reader-body')).toContainText('<img src=x onerror="alert(1)">');
  await expect(page.locator('.reader-body img, .reader-body b, main script')).toHaveCount(0);
  expect(dialogs).toEqual([]);
});

test('keyboard only: skip link, facets and the reader', async ({ page }) => {
  await page.goto('./');
  await expect(cards(page).first()).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
  const austria = page.getByRole('checkbox', { name: /^Austria/ });
  await austria.focus();
  await page.keyboard.press('Space');
  await expect(count(page)).toHaveText('1 article');
  await expect(austria).toBeFocused();
  await expect(austria).toBeChecked();
  // Tab to the first card's title link and open it with Enter.
  const title = cards(page).first().getByRole('heading').getByRole('link');
  await title.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  await page.getByRole('link', { name: '← All results' }).focus();
  await page.keyboard.press('Enter');
  await expect(count(page)).toHaveText('1 article');
});

test('a country chip chosen from the keyboard keeps the focus as its card is written again', async ({ page }) => {
  await page.goto('./');
  const chip = cards(page).first().getByRole('link', { name: /^Filter by / }).first();
  const country = ((await chip.getAttribute('aria-label')) ?? '').replace('Filter by ', '');
  await chip.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/country=/);
  // The card holding the chip is still first, written again with the filter:
  // the focus is on the same chip, which now removes it.
  const removing = cards(page).first().getByRole('link', { name: `Remove the filter ${country}` });
  await expect(removing).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).not.toHaveURL(/country=/);
  await expect(cards(page).first().getByRole('link', { name: `Filter by ${country}` })).toBeFocused();
});

for (const scheme of ['light', 'dark'] as const) {
  for (const [name, query] of [
    ['articles', ''], ['search', '?q=lunar'], ['quotes', '?view=quotes'], ['countries', '?view=countries'],
    ['reader', `${READER_003}&quote=2`], ['notice', '?country=XX'],
    ['range', '?from=2022-05&to=2022-12'], ['contexts', '?q=space&view=contexts&kwic=1R'],
    ['contexts-empty', '?view=contexts'], ['hit', `${READER_003}&q=space&hit=2`],
  ]) {
    test(`axe (every rule): ${name} view in ${scheme} has no violations`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
      await page.goto(`./${query}`);
      await expect(page.locator('main')).toBeVisible();
      expect(await violations(page)).toEqual([]);
    });
  }
}

test('works at 320 px wide without horizontal scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 700 });
  for (const query of ['', `${READER_003}`, '?view=quotes', '?view=countries', '?q=space&view=contexts', '?from=2022']) {
    await page.goto(`./${query}`);
    await expect(page.locator('main')).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, query).toBeLessThanOrEqual(0);
  }
});

test('the place facet: a dateline city in the URL, the sidebar and the chips', async ({ page }) => {
  await page.goto('./?place=Haikou');
  await expect(count(page)).toHaveText('1 article');
  const places = page.locator('#filters fieldset[data-facet="place"]');
  await expect(places.locator('legend')).toHaveText('Place');
  await expect(places.getByRole('checkbox', { name: /^Haikou/ })).toBeChecked();
  const chip = page.getByRole('button', { name: 'Remove Place: Haikou' });
  await expect(chip).toBeVisible();
  await chip.click();
  await expect(count(page)).toHaveText('5 articles');
  await expect(page).toHaveURL(/\/orrery\/$/);
  await places.getByRole('checkbox', { name: /^Haikou/ }).check();
  await expect(page).toHaveURL(/\?place=haikou$/);
  await expect(count(page)).toHaveText('1 article');
});

test('a value chosen from a card chip shows checked in the sidebar, though it ranks below the first eight', async ({ page }) => {
  await page.goto('./');
  const countries = page.locator('#filters fieldset[data-facet="country"]');
  await expect(countries.getByRole('checkbox', { name: /^Venezuela/ })).toHaveCount(0);
  await page.getByRole('link', { name: 'Filter by Venezuela' }).click();
  await expect(page).toHaveURL(/\?country=VE$/);
  await expect(count(page)).toHaveText('1 article');
  const venezuela = countries.getByRole('checkbox', { name: /^Venezuela/ });
  await expect(venezuela).toBeChecked();
  // Unchecked in the sidebar, the row stays where it is, with the focus.
  await venezuela.uncheck();
  await expect(count(page)).toHaveText('5 articles');
  await expect(venezuela).toBeFocused();
  // Chosen by the URL and removed by its chip, it leaves the short list.
  await page.goto('./?country=VE');
  await expect(venezuela).toBeChecked();
  await page.getByRole('button', { name: 'Remove Country: Venezuela' }).click();
  await expect(count(page)).toHaveText('5 articles');
  await expect(venezuela).toHaveCount(0);
});

test('"Copy link" on a plain-http host without the Clipboard API offers the link selected, to copy by hand', async ({ page, baseURL }) => {
  const insecure = new URL(baseURL!);
  insecure.hostname = 'orrery.test';
  await page.goto(`${insecure.href}?country=VE`);
  await expect(count(page)).toHaveText('1 article');
  expect(await page.evaluate(() => window.isSecureContext || navigator.clipboard !== undefined)).toBe(false);
  // The prompt blocks the click until it is answered, so answer it here.
  const seen: { type: string; message: string; value: string }[] = [];
  page.once('dialog', async (d) => {
    seen.push({ type: d.type(), message: d.message(), value: d.defaultValue() });
    await d.dismiss();
  });
  await page.locator('.masthead').getByRole('button', { name: 'Copy link' }).click();
  await expect.poll(() => seen.length).toBe(1);
  expect(seen[0].type).toBe('prompt');
  expect(seen[0].message).toContain('Press Ctrl+C');
  expect(seen[0].value).toBe(`${insecure.href}?country=VE`);
  // It never claims a copy that did not happen.
  await expect(page.locator('.masthead').getByRole('button', { name: 'Copy link' })).toBeVisible();
});

test('quote "Copy link" buttons are named by their visible text (WCAG 2.5.3)', async ({ page }) => {
  await page.goto(`./${READER_003}`);
  const buttons = page.locator('.reader .copy-quote');
  await expect(buttons.first()).toHaveAttribute('aria-label', /^Copy link to quote 1$/);
});
