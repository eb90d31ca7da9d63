import { test, expect, Page } from './app';

const shape = (page: Page, code: string) => page.locator(`.map [data-country="${code}"]`);
const shade = async (page: Page, code: string) => (await shape(page, code).getAttribute('class'))!.match(/\bc(\d)\b/)![1];

test('the map is shaded by the filtered articles: with year=2022 France is shaded, Venezuela is not', async ({ page }) => {
  await page.goto('./?view=countries&year=2022');
  await expect(page.locator('.map svg')).toBeVisible();
  expect(Number(await shade(page, 'FR'))).toBeGreaterThan(0);
  expect(await shade(page, 'VE')).toBe('0');
  await page.goto('./?view=countries');
  expect(Number(await shade(page, 'VE'))).toBeGreaterThan(0);
  expect(Number(await shade(page, 'CN'))).toBe(5);
});

test('every country with articles has an accessible name and is reachable by keyboard', async ({ page }) => {
  await page.goto('./?view=countries');
  const buttons = page.locator('.map [role="button"]');
  await expect(buttons).toHaveCount(12);
  await expect(shape(page, 'VE')).toHaveAttribute('aria-label', 'Venezuela: 1 article');
  await expect(shape(page, 'CN')).toHaveAttribute('aria-label', 'China: 5 articles');
  await expect(shape(page, 'CN')).toHaveAttribute('tabindex', '0');
  await expect(shape(page, 'US')).not.toHaveAttribute('tabindex', '0');
});

test('clicking a country toggles it in the filter; the selection is outlined, not used for shading', async ({ page }) => {
  await page.goto('./?view=countries');
  await shape(page, 'VE').click();
  await expect(page).toHaveURL(/country=VE/);
  await expect(shape(page, 'VE')).toHaveClass(/selected/);
  // Shading still shows what other countries would add.
  expect(Number(await shade(page, 'PK'))).toBeGreaterThan(0);
  await shape(page, 'VE').click();
  await expect(page).not.toHaveURL(/country=VE/);
});

test('Enter on a focused country toggles it and keeps focus', async ({ page }) => {
  await page.goto('./?view=countries');
  await shape(page, 'AT').focus();
  await expect(page.locator('.map-caption')).toHaveText('Austria: 1 article');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/country=AT/);
  await expect(shape(page, 'AT')).toBeFocused();
  await expect(shape(page, 'AT')).toHaveClass(/selected/);
});

test('selecting a row toggles the filter and shows the sentences that mention the country', async ({ page }) => {
  await page.goto('./?view=countries');
  await page.locator('.country-table').getByRole('link', { name: /^Pakistan: 1 article/ }).click();
  await expect(page).toHaveURL(/country=PK/);
  const lines = page.locator('.kwic[data-country="PK"]');
  await expect(lines).toHaveCount(1);
  await expect(lines.locator('mark')).toHaveText('Pakistan');
  await lines.getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('China Space Station');
});

test('the table sorts by each column and groups by region', async ({ page }) => {
  await page.goto('./?view=countries');
  const first = page.locator('.country-table tbody tr[data-country]').first();
  await expect(first).toHaveAttribute('data-country', 'CN');
  await page.getByRole('button', { name: 'Country' }).click();
  await expect(first).toHaveAttribute('data-country', 'AT');
  await page.getByRole('button', { name: 'Mentions' }).click();
  await expect(first).toHaveAttribute('data-country', 'CN');
  await page.getByRole('checkbox', { name: 'Group by region' }).check();
  await expect(page.locator('.country-table tr.group')).toHaveText(['Americas', 'Asia', 'Europe']);
});

test('small states are dots when they have articles', async ({ page, baseURL }) => {
  await page.goto(new URL('/alt/?view=countries', baseURL!).href);
  await expect(page.locator('.map circle[data-country="SG"]')).toHaveAttribute('aria-label', 'Singapore: 1 article');
  await expect(page.locator('.map circle[data-country="SG"]')).toBeVisible();
  await expect(page.locator('.map circle[data-country="MT"]')).toBeVisible();
});

test('the map scales down to 320 px', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto('./?view=countries');
  const box = await page.locator('.map svg').boundingBox();
  expect(box!.width).toBeLessThanOrEqual(320);
  expect(box!.width).toBeGreaterThan(250);
});
