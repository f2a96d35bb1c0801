import { expect, type Page } from '@playwright/test';
import type { HostProcess } from './host-process';

/** The per-run token the browser host printed in its address. */
export function hostToken(host: HostProcess): string {
  return new URLSearchParams(new URL(host.url).hash.slice(1)).get('token') ?? '';
}

/**
 * Calls the browser host's Api directly (to set up a test's data faster than through the page);
 * fails the test, naming the call and the error, if the Api refuses.
 */
export async function callHostApi(
  page: Page,
  host: HostProcess,
  name: string,
  data: unknown,
): Promise<unknown> {
  const response = await page.request.post(`${host.origin}/api/${name}`, {
    headers: { Authorization: `Bearer ${hostToken(host)}` },
    data,
  });
  const body = (await response.json()) as { ok: boolean; value?: unknown; error?: unknown };
  expect(body.ok, `${name}: ${JSON.stringify(body.error)}`).toBe(true);
  return body.value;
}
