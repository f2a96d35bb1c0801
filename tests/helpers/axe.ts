import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { AxeResults, ImpactValue, Result, RunOptions } from 'axe-core';
import { projectRoot } from './layering';

/**
 * axe-core in the page under test, without weakening its Content-Security-Policy: the source is
 * evaluated through DevTools (page.evaluate), which CSP does not govern, so the page keeps its
 * strict `script-src 'self'` exactly as users get it. (@axe-core/playwright needs Node 22.)
 */
const axeSource = readFileSync(join(projectRoot, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

/** WCAG 2.0 and 2.1, levels A and AA, plus axe's best practices (headings, landmarks, regions). */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] as const;

/** What fails a check: a person would be blocked or badly slowed down. */
export const FAILING_IMPACTS: readonly ImpactValue[] = ['serious', 'critical'];

declare global {
  interface Window {
    axe?: { run: (context: Document, options: RunOptions) => Promise<AxeResults> };
  }
}

async function injectAxe(page: Page): Promise<void> {
  const present = await page.evaluate(() => typeof window.axe?.run === 'function');
  if (!present) await page.evaluate(axeSource);
}

/** All of axe's violations on the page as it is now. */
export async function runAxe(page: Page): Promise<Result[]> {
  await injectAxe(page);
  const results = await page.evaluate(
    (tags) =>
      window.axe!.run(document, {
        runOnly: { type: 'tag', values: tags },
        resultTypes: ['violations'],
      }),
    [...AXE_TAGS],
  );
  return results.violations;
}

/** One line per rule and one indented line per element, readable in a test failure. */
export function describeViolations(violations: readonly Result[]): string {
  return violations
    .map((violation) => {
      const nodes = violation.nodes
        .map((node) => {
          // axe lists every way to fix it; the first says what is wrong well enough to start.
          const detail = node.failureSummary?.split('\n')[1]?.trim();
          return `    at ${node.target.join(' ')}${detail ? ` — ${detail}` : ''}`;
        })
        .join('\n');
      return `  [${violation.impact}] ${violation.id}: ${violation.help} (${violation.helpUrl})\n${nodes}`;
    })
    .join('\n');
}

/** The violations with impact "serious" or "critical"; the rest are reported, not failed. */
export async function seriousViolations(page: Page): Promise<{ failing: Result[]; minor: Result[] }> {
  const violations = await runAxe(page);
  const failing = violations.filter((v) => v.impact && FAILING_IMPACTS.includes(v.impact));
  const minor = violations.filter((v) => !failing.includes(v));
  return { failing, minor };
}
