// Playwright's `test` with a page whose navigations wait for the app.
//
// The page carries the first view's HTML, rendered by the build from the
// app's own components (src/prerender.rs), so the first card shows before
// the app's code arrives; the app replaces it when it starts
// (src/first_view.rs). A test that clicked the first view would click a page
// about to go, so `goto` and `reload` wait until the app has started. What
// the first view itself does is tested in first-view.spec.ts, on the bare
// page.
import { test as base, type Page } from '@playwright/test';

export * from '@playwright/test';

/** Waits until the app has replaced the first view's HTML. */
export async function started(page: Page): Promise<void> {
  await page.waitForFunction(() => !document.getElementById('first-view'));
}

export const test = base.extend({
  page: async ({ page }, use) => {
    const goto = page.goto.bind(page);
    const reload = page.reload.bind(page);
    page.goto = async (...args: Parameters<Page['goto']>) => {
      const response = await goto(...args);
      await started(page);
      return response;
    };
    page.reload = async (...args: Parameters<Page['reload']>) => {
      const response = await reload(...args);
      await started(page);
      return response;
    };
    await use(page);
  },
});
