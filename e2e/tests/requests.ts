import type { Page } from '@playwright/test';

/** A shard folder's head, which the page preloads with the app. */
export const HEAD = /\/data-[0-9a-f]{16}\/head\.bin$/;

/**
 * Paths under a shard folder that the page requests, in order, e.g.
 * `doc/2.bin`; not the head, which comes with the app (see `HEAD`).
 */
export function shardRequests(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (request) => {
    const match = new URL(request.url()).pathname.match(/\/data-[0-9a-f]{16}\/(.*)$/);
    if (match && match[1] !== 'head.bin') seen.push(match[1]);
  });
  return seen;
}
