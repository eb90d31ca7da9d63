import AxeBuilder from '@axe-core/playwright';
import axe from 'axe-core';
import type { Page } from '@playwright/test';

/** Every rule axe-core has, including those off by default: best practices,
 *  experimental rules and WCAG AAA, such as label-in-name (WCAG 2.5.3). */
export const EVERY_RULE = axe.getRules().map((rule) => rule.ruleId);

/** axe's violations on the page, with every rule, one line each. */
export async function violations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withRules(EVERY_RULE).analyze();
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`);
}
