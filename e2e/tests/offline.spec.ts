import { test, expect, Page } from './app';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

// Offline use (src/sw.js): after one visit the site opens without a
// network, and a new deployment is offered, never mixed in. The other specs
// block service workers; these allow them, one at a time, since one of them
// rewrites a build's worker the way a redeployment would.

test.use({ serviceWorkers: 'allow' });
test.describe.configure({ mode: 'serial' });

const site = process.env.SITE_DIR ?? path.resolve(__dirname, '../../target/e2e-site');
const alt = (baseURL: string | undefined, query = '') => new URL(`/alt/${query}`, baseURL!).href;
const cards = (page: Page) => page.locator('main article.card');
const count = (page: Page) => page.locator('.result-count');

/** Waits until the service worker controls the page. */
async function controlled(page: Page) {
  await page.waitForFunction(() => navigator.serviceWorker?.controller != null);
}

test('a sharded site opens offline after one visit: filters work and articles read before open again', async ({ page, context, baseURL }) => {
  await page.goto(alt(baseURL));
  await controlled(page);
  await page.getByRole('link', { name: 'Kenya and Peru share a weather satellite' }).click();
  await expect(page.locator('.reader-body')).toContainText('The first images of the coast of Peru');

  await context.setOffline(true);
  await page.reload();
  await expect(page.locator('.reader-body')).toContainText('The first images of the coast of Peru');
  await page.goto(alt(baseURL));
  await expect(cards(page)).toHaveCount(7);
  await page.locator('#filters [data-facet="country"]').getByRole('checkbox', { name: /^Kenya/ }).check();
  await expect(count(page)).toHaveText('1 article');
  await cards(page).getByRole('link', { name: 'Kenya and Peru share a weather satellite' }).click();
  await expect(page.locator('.reader-body')).toContainText('The first images of the coast of Peru');
  // An article never opened is not there, and the reader says so.
  await page.goto(alt(baseURL, '?doc=eight-agencies-sign-a-launch-data-pact'));
  await expect(page.locator('.load-error')).toContainText('missing');
  await context.setOffline(false);
});

test('an embedded site opens offline after one visit', async ({ page, context }) => {
  await page.goto('./');
  await controlled(page);
  await context.setOffline(true);
  await page.goto('./?q=lunar&view=contexts');
  await expect(count(page)).toHaveText(/lines in 2 articles$/);
  await context.setOffline(false);
});

test('a new deployment is offered, and taken only when the reader accepts', async ({ page, baseURL }) => {
  const file = path.join(site, 'alt', 'sw.js');
  const deployed = readFileSync(file, 'utf8');
  const build = deployed.match(/^const BUILD = "([0-9a-f]{16})";$/m)![1];
  try {
    await page.goto(alt(baseURL));
    await controlled(page);
    await expect(page.locator('#update-ready')).toBeHidden();
    // A redeployment: another build, so another worker.
    writeFileSync(file, deployed.replace(`const BUILD = "${build}";`, `const BUILD = "${build}-next";`));
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update());
    const offer = page.locator('#update-ready');
    await expect(offer).toBeVisible();
    await expect(offer).toContainText('A new version of this site is ready.');
    // Until accepted, the page keeps its own build.
    await expect(cards(page)).toHaveCount(7);
    const names = () => page.evaluate(async () => (await caches.keys()).filter((k) => k.includes('/alt/')));
    expect((await names()).some((k) => k.endsWith(` ${build}`))).toBe(true);
    await Promise.all([page.waitForEvent('load'), offer.getByRole('button', { name: 'Reload' }).click()]);
    await expect(cards(page)).toHaveCount(7);
    await expect(page.locator('#update-ready')).toBeHidden();
    // Only the new build's cache is left.
    await expect.poll(names).toEqual([expect.stringMatching(new RegExp(` ${build}-next$`))]);
  } finally {
    writeFileSync(file, deployed);
  }
});

test('on a plain-http host there is no service worker, and the app works as before', async ({ page, baseURL }) => {
  const insecure = new URL('/alt/', baseURL!);
  insecure.hostname = 'orrery.test';
  await page.goto(insecure.href);
  await expect(cards(page)).toHaveCount(7);
  expect(await page.evaluate(() => 'serviceWorker' in navigator)).toBe(false);
});
