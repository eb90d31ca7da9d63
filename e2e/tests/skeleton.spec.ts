import { test, expect } from './app';
import { violations } from './axe';

const SEED_TITLES = [
  'Xi hails shared space progress',
  'Xiplomacy: Xi promotes exploration of outer space, advances global cooperation',
  'China, UN promote new space exploration partnership',
  'China Space Station welcomes foreign astronauts: FM Spokesperson',
  'China Hosted the Publicizing Conference to Introduce China’s Theme of Space Cooperation in Vienna',
];

test('lists every seed title in an article inside main, served under the subpath', async ({ page, baseURL }) => {
  expect(new URL(baseURL!).pathname).toBe('/orrery/');
  const response = await page.goto('./');
  expect(response?.status()).toBe(200);
  const headings = page.locator('main article').getByRole('heading');
  await expect(headings).toHaveCount(SEED_TITLES.length);
  for (const title of SEED_TITLES) {
    await expect(page.locator('main article').getByRole('heading', { name: title, exact: true })).toBeVisible();
  }
});

test('loads nothing from outside its own origin and makes no request for corpus data', async ({ page, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.goto('./');
  await expect(page.locator('main article').first()).toBeVisible();
  await page.waitForLoadState('networkidle');
  const foreign = requests.filter((url) => !url.startsWith(origin) && !url.startsWith('data:'));
  expect(foreign).toEqual([]);
  // Only the app itself: html, js, wasm, css and the icon. No JSON or text data.
  const kinds = requests.map((url) => new URL(url).pathname.split('.').pop());
  expect(kinds.filter((ext) => !['/', 'js', 'wasm', 'css', 'svg'].includes(ext!) && !ext!.endsWith('/'))).toEqual([]);
});

test('has no axe-core violations', async ({ page }) => {
  await page.goto('./');
  await expect(page.locator('main article').first()).toBeVisible();
  expect(await violations(page)).toEqual([]);
});

test('a build from another corpus folder shows that folder’s titles', async ({ page, baseURL }) => {
  await page.goto(new URL('/alt/', baseURL!).href);
  await expect(page.locator('main article').getByRole('heading', { name: 'A second corpus proves the build reads CORPUS_DIR' })).toBeVisible();
  await expect(page.locator('main article').getByRole('heading', { name: SEED_TITLES[0] })).toHaveCount(0);
});
