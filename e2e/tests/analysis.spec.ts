import { test, expect, Page, Download } from './app';
import { violations } from './axe';
import { readFileSync } from 'node:fs';

// What analysts reach for after filtering and reading: the timeline with a
// date range, concordance lines, and downloads. Each runs on the embedded
// seeds (/orrery/) and on the sharded /alt/.

const count = (page: Page) => page.locator('.result-count');
const cards = (page: Page) => page.locator('main article.card');
const bars = (page: Page) => page.getByRole('listbox', { name: /^Articles by/ });
const alt = (baseURL: string | undefined, query = '') => new URL(`/alt/${query}`, baseURL!).href;
const query = (page: Page) => new URL(page.url()).search;

test.describe('timeline and date range', () => {
  test('from and to, alone and together, as the issue gives them', async ({ page }) => {
    for (const [q, n] of [['?from=2022-05&to=2022-12', '2 articles'], ['?from=2022', '4 articles'], ['?to=2021', '1 article']]) {
      await page.goto(`./${q}`);
      await expect(count(page), q).toHaveText(n);
    }
    // With year, by AND; a month inside a month-dated article's month.
    await page.goto('./?year=2022&from=2022-05');
    await expect(count(page)).toHaveText('2 articles');
    await page.goto('./?from=2024-04-30&to=2024-04-30');
    await expect(count(page)).toHaveText('1 article');
  });

  test('bad dates are a notice, and the range is canonical in the URL', async ({ page }) => {
    await page.goto('./?from=2022-13&to=someday');
    await expect(page.locator('.notices')).toContainText('2022-13');
    await expect(page.locator('.notices')).toContainText('someday');
    await expect(count(page)).toHaveText('5 articles');
    await page.goto('./?to=2021&from=2023');
    await expect(page.locator('.notices')).toContainText('ends before it starts');
    await page.goto('./?to=2022-12&from=2022-05&view=quotes');
    await page.locator('#filters [data-facet="country"] input').first().check();
    await expect.poll(() => query(page)).toBe('?country=CN&from=2022-05&to=2022-12&view=quotes');
  });

  test('bars count every filter but the range, with the range highlighted and a chip that clears it', async ({ page }) => {
    await page.goto('./?from=2022-05&to=2022-12');
    const chart = bars(page);
    await expect(chart).toHaveAccessibleName('Articles by month');
    // 2018-06 to 2024-04: 71 months, empty ones included.
    await expect(chart.getByRole('option')).toHaveCount(71);
    await expect(chart.getByRole('option', { name: 'June 2018: 1 article' })).toBeVisible();
    await expect(chart.getByRole('option', { name: 'April 2022: 1 article' })).toHaveAttribute('aria-selected', 'false');
    await expect(chart.getByRole('option', { name: 'May 2022: 1 article' })).toHaveAttribute('aria-selected', 'true');
    await expect(chart.locator('[aria-selected="true"]')).toHaveCount(8);
    // The chart still counts all five: the range does not narrow its own chart.
    const total = await chart.locator('.bin').evaluateAll((bins) => bins.reduce((n, b) => n + Number(b.getAttribute('data-count')), 0));
    expect(total).toBe(5);
    await page.getByRole('button', { name: 'Remove dates: May 2022 – Dec 2022' }).click();
    await expect(count(page)).toHaveText('5 articles');
    await expect.poll(() => query(page)).toBe('');
    // A facet narrows it.
    await page.goto('./?country=VE');
    await expect(bars(page).locator('.bin[data-count="1"]')).toHaveCount(1);
  });

  test('keyboard: arrows move, Shift extends, Enter applies', async ({ page }) => {
    await page.goto('./');
    await bars(page).focus();
    await page.keyboard.press('End');
    await expect(bars(page)).toHaveAttribute('aria-activedescendant', 'bin-70');
    await page.keyboard.press('Enter');
    await expect(count(page)).toHaveText('1 article');
    await expect.poll(() => query(page)).toBe('?from=2024-04&to=2024-04');
    await expect(bars(page)).toBeFocused();
    // Back to April 2022, then Shift+Right to extend through May.
    await page.keyboard.press('Home');
    for (let i = 0; i < 46; i++) await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('Enter');
    await expect.poll(() => query(page)).toBe('?from=2022-04&to=2022-05');
    await expect(count(page)).toHaveText('2 articles');
    await expect(page.getByRole('button', { name: 'Remove dates: Apr 2022 – May 2022' })).toBeVisible();
  });

  test('pointer: a click takes one bar, a drag takes a range', async ({ page }) => {
    await page.goto('./');
    const bin = (name: string) => bars(page).getByRole('option', { name });
    await bin('November 2022: 1 article').click();
    await expect.poll(() => query(page)).toBe('?from=2022-11&to=2022-11');
    await expect(count(page)).toHaveText('1 article');
    // Clicking the chosen bar again clears it.
    await bin('November 2022: 1 article').click();
    await expect.poll(() => query(page)).toBe('');
    const from = await bin('June 2018: 1 article').boundingBox();
    const to = await bin('April 2022: 1 article').boundingBox();
    await page.mouse.move(from!.x + from!.width / 2, from!.y + from!.height / 2);
    await page.mouse.down();
    await page.mouse.move(to!.x + to!.width / 2, to!.y + 10, { steps: 8 });
    await page.mouse.up();
    await expect.poll(() => query(page)).toBe('?from=2018-06&to=2022-04');
    await expect(count(page)).toHaveText('2 articles');
  });

  test('the quotes view has the timeline too, and Back undoes a range', async ({ page }) => {
    await page.goto('./?view=quotes');
    const before = await count(page).textContent();
    await bars(page).getByRole('option', { name: 'November 2022: 1 article' }).click();
    await expect(count(page)).not.toHaveText(before!);
    await page.goBack();
    await expect(count(page)).toHaveText(before!);
  });

  test('on a sharded corpus, undated articles are counted beside the chart', async ({ page, baseURL }) => {
    await page.goto(alt(baseURL));
    // Every card of the first page is drawn before any is counted.
    await expect(cards(page)).toHaveCount(7);
    const undated = await cards(page).locator('.card-meta time', { hasText: 'Undated' }).count();
    expect(undated).toBeGreaterThan(0);
    await expect(page.locator('.timeline-note')).toContainText(`${undated} undated`);
    // A range leaves the undated out, and the count says so.
    const first = bars(page).getByRole('option').first();
    await first.click();
    const chosen = Number(await first.getAttribute('data-count'));
    await expect(count(page)).toHaveText(chosen === 1 ? '1 article' : `${chosen} articles`);
  });
});

test.describe('contexts (concordance lines)', () => {
  const rows = (page: Page) => page.locator('table.kwic tbody tr');

  test('every hit is one line, with an exact total and paging', async ({ page }) => {
    await page.goto('./?q=space&view=contexts');
    await expect(count(page)).toHaveText(/^\d+ lines in 5 articles$/);
    const total = Number((await count(page).textContent())!.split(' ')[0]);
    expect(total).toBeGreaterThan(25);
    await expect(rows(page)).toHaveCount(25);
    // Show more until every line is there: the total is the lines' number.
    const more = page.getByRole('button', { name: /^Show \d+ more lines/ });
    while (await more.count()) await more.click();
    await expect(rows(page)).toHaveCount(total);
    await expect(rows(page).locator('.kwic-hit mark').first()).toHaveText(/space/i);
  });

  test('kwic sorts by the words beside the hit', async ({ page }) => {
    await page.goto('./?q=china+&view=contexts&kwic=1L');
    await expect(page.getByRole('combobox', { name: 'Sort lines by' })).toHaveValue('1L');
    await expect(rows(page)).toHaveCount(25);
    const lefts = await rows(page).locator('.kwic-left').allTextContents();
    const keys = lefts.map((t) => (t.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? ['']).pop()!);
    expect(keys).toEqual([...keys].sort());
    await page.getByRole('combobox', { name: 'Sort lines by' }).selectOption('1R');
    await expect.poll(() => query(page)).toBe('?q=china%20&view=contexts&kwic=1R');
    await page.goto('./?q=china&view=contexts&kwic=9X');
    await expect(page.locator('.notices')).toContainText('9X');
  });

  test('a line opens the reader at that hit, marked and in view', async ({ page }) => {
    await page.goto('./?q=space+&view=contexts');
    const row = rows(page).nth(3);
    const hit = await row.locator('.kwic-hit').textContent();
    await row.locator('.kwic-hit a').click();
    await expect.poll(() => query(page)).toMatch(/&hit=4$/);
    const current = page.locator('.reader-body mark.current');
    await expect(current).toHaveText(hit!);
    await expect(current).toBeInViewport();
    // Back to the lines.
    await page.getByRole('link', { name: '← All results' }).click();
    await expect(rows(page).first()).toBeVisible();
  });

  test('without a search, the view says what to do', async ({ page }) => {
    await page.goto('./?view=contexts');
    await expect(page.locator('.contexts-guide')).toContainText('Type a word');
    await expect(page.locator('table.kwic')).toHaveCount(0);
  });

  test('on a sharded corpus, texts are fetched for the lines and a failed one is named', async ({ page, baseURL }) => {
    await page.goto(alt(baseURL, '?q=satellite&view=contexts'));
    await expect(count(page)).toHaveText(/^\d+ lines? in \d+ articles?$/);
    const total = Number((await count(page).textContent())!.split(' ')[0]);
    await expect(rows(page).locator('.kwic-hit')).toHaveCount(total);
    await page.route('**/data-*/doc/**', (route) => route.abort());
    await page.goto(alt(baseURL, '?q=launch&view=contexts'));
    await expect(rows(page).locator('.load-error').first()).toContainText('are missing');
  });
});

test.describe('downloads', () => {
  async function download(page: Page, format: 'CSV' | 'JSON'): Promise<[string, string]> {
    await page.locator('.download summary').click();
    const waiting = page.waitForEvent('download');
    await page.locator('.download-menu').getByRole('button', { name: new RegExp(`^${format}`) }).click();
    const file: Download = await waiting;
    return [file.suggestedFilename(), readFileSync((await file.path())!, 'utf8')];
  }

  /** RFC 4180 records (quoted fields may hold commas, quotes and line breaks). */
  function records(csv: string): string[][] {
    const out: string[][] = [];
    let row: string[] = [], field = '', quoted = false;
    for (let i = 0; i < csv.length; i++) {
      const c = csv[i];
      if (quoted) {
        if (c === '"' && csv[i + 1] === '"') { field += '"'; i++; }
        else if (c === '"') quoted = false;
        else field += c;
      } else if (c === '"') quoted = true;
      else if (c === ',') { row.push(field); field = ''; }
      else if (c === '\r' && csv[i + 1] === '\n') { row.push(field); out.push(row); row = []; field = ''; i++; }
      else field += c;
    }
    return out;
  }

  test('articles as CSV: every row of the result set, named by filter and count', async ({ page }) => {
    await page.goto('./?year=2022');
    await expect(count(page)).toHaveText('3 articles');
    const [name, csv] = await download(page, 'CSV');
    expect(name).toBe('orrery-articles-2022-3.csv');
    expect(csv.startsWith('\ufeff')).toBe(true);
    const [header, ...body] = records(csv.slice(1));
    expect(header).toEqual(['file', 'title', 'date', 'date_source', 'source', 'place', 'countries', 'speakers', 'quotes', 'link']);
    expect(body).toHaveLength(3);
    const titles = await cards(page).getByRole('heading').allTextContents();
    expect(body.map((r) => r[1])).toEqual(titles);
    expect(body[0][9]).toContain('?year=2022&doc=');
    await expect(page.locator('.download-status')).toHaveText(`Downloaded ${name}.`);
    // The menu closed, with the focus back on its summary.
    await expect(page.locator('details.download')).not.toHaveAttribute('open');
    await expect(page.locator('.download summary')).toBeFocused();
  });

  test('quotes as JSON: the whole result set, with the URL it was made from', async ({ page }) => {
    await page.goto('./?view=quotes&speaker=xi-jinping');
    const shown = Number((await count(page).textContent())!.split(' ')[0]);
    const [name, text] = await download(page, 'JSON');
    expect(name).toBe(`orrery-quotes-xi-jinping-${shown}.json`);
    const json = JSON.parse(text);
    expect(json.url).toBe(new URL('./?speaker=xi-jinping&view=quotes', page.url()).href);
    expect(json.count).toBe(shown);
    expect(json.rows).toHaveLength(shown);
    expect(json.rows.every((r: { speaker: string }) => r.speaker === 'Xi Jinping')).toBe(true);
    expect(json.rows[0].link).toContain('&quote=');
  });

  test('on a sharded corpus, texts are fetched for the rows', async ({ page, baseURL }) => {
    await page.goto(alt(baseURL));
    const shown = Number((await count(page).textContent())!.split(' ')[0]);
    const [name, csv] = await download(page, 'CSV');
    expect(name).toBe(`orrery-articles-${shown}.csv`);
    const body = records(csv.slice(1)).slice(1);
    expect(body).toHaveLength(shown);
    // The file names come from the fetched documents.
    expect(body.every((r) => r[0].length > 0)).toBe(true);
    expect(body.map((r) => r[0])).toContain('wire/2019-03-14_orbit-talks.txt');
  });

  test('on a sharded corpus, a download waits for the facets, and names them if they cannot come', async ({ page, baseURL }) => {
    let release = () => {};
    const held = new Promise<void>((resolve) => { release = resolve; });
    await page.route(/\/data-[0-9a-f]{16}\/filter\.bin$/, async (route) => { await held; await route.continue(); });
    await page.goto(alt(baseURL));
    const shown = Number((await count(page).textContent())!.split(' ')[0]);
    await page.locator('.download summary').click();
    const waiting = page.waitForEvent('download');
    await page.locator('.download-menu').getByRole('button', { name: /^JSON/ }).click();
    release();
    const json = JSON.parse(readFileSync((await (await waiting).path())!, 'utf8'));
    expect(json.rows).toHaveLength(shown);
    // Every row names its countries, which only the facets hold.
    expect(json.rows.some((r: { countries: string[] }) => r.countries.length > 0)).toBe(true);

    await page.unroute(/\/data-[0-9a-f]{16}\/filter\.bin$/);
    await page.route(/\/data-[0-9a-f]{16}\/filter\.bin$/, (route) => route.fulfill({ status: 404, body: 'gone' }));
    await page.goto(alt(baseURL));
    await page.locator('.download summary').click();
    await page.locator('.download-menu').getByRole('button', { name: /^CSV/ }).click();
    await expect(page.locator('.download-status')).toContainText(/The download failed: could not load \/alt\/data-[0-9a-f]{16}\/filter\.bin: HTTP 404/);
  });
});

test('axe (every rule): the download menu open and the timeline in use, in both themes', async ({ page }) => {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto('./?view=quotes&from=2022');
    await page.locator('.download summary').click();
    await bars(page).focus();
    await page.keyboard.press('Home');
    await page.keyboard.press('Shift+ArrowRight');
    expect(await violations(page), scheme).toEqual([]);
  }
});
