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

/** Saves through the browser host as the page does: a target, the writing call, one download. */
export async function saveThroughHost(
  page: Page,
  host: HostProcess,
  kind: 'share' | 'backup' | 'calendar',
  write: (target: string) => Promise<{ file: { id: string } } | { status: string; file?: { id: string } }>,
): Promise<Buffer> {
  const chosen = (await callHostApi(page, host, 'files.chooseSave', { kind })) as { target: { id: string } };
  const written = await write(chosen.target.id);
  const id = written.file?.id ?? '';
  const response = await page.request.get(`${host.origin}/files/download/${id}`, {
    headers: { Authorization: `Bearer ${hostToken(host)}` },
  });
  expect(response.status()).toBe(200);
  return response.body();
}

/** Clicks what opens the browser's file chooser, and chooses `path` in it. */
export async function chooseInFileChooser(
  page: Page,
  click: () => Promise<void>,
  path: string,
): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await click();
  await (await chooser).setFiles(path);
}
