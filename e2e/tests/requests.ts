import type { Page } from '@playwright/test';

/** Paths under a shard folder that the page requests, in order, e.g. `doc/2.bin`. */
export function shardRequests(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (request) => {
    const match = new URL(request.url()).pathname.match(/\/data-[0-9a-f]{16}\/(.*)$/);
    if (match) seen.push(match[1]);
  });
  return seen;
}
