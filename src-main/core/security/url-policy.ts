/**
 * Which URLs Stillroom may show or hand to the operating system. Kept pure so hostile inputs can
 * be tested without Electron.
 */

import { parseUrl } from '../../contract/external-links';

export { EXTERNAL_HOSTS, isAllowedExternalUrl } from '../../contract/external-links';

export const APP_SCHEME = 'app';
export const APP_HOST = 'stillroom';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** True only for pages of the app itself (`app://stillroom/...`). */
export function isAppUrl(raw: unknown): boolean {
  const url = parseUrl(raw);
  return url !== undefined && url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST;
}

/**
 * The loopback origins the browser host accepts in `Host` and `Origin`. Anything else (another
 * site, a rebinding DNS name, a LAN address) is refused.
 */
export function loopbackOrigins(port: number): { hosts: string[]; origins: string[] } {
  const hosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  return { hosts, origins: hosts.map((host) => `http://${host}`) };
}
