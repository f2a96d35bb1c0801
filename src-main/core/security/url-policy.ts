/**
 * Which URLs Stillroom may show or hand to the operating system. Kept pure so hostile inputs can
 * be tested without Electron.
 */

export const APP_SCHEME = 'app';
export const APP_HOST = 'stillroom';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

function parse(raw: unknown): URL | undefined {
  if (typeof raw !== 'string' || raw.length > 2048) return undefined;
  // The URL parser quietly strips spaces and control characters; a URL that needs that is not
  // one we wrote, so refuse it rather than guess what it meant.
  if (
    [...raw].some((char) => char.trim() === '' || char.charCodeAt(0) < 0x20 || char.charCodeAt(0) === 0x7f)
  ) {
    return undefined;
  }
  try {
    return new URL(raw);
  } catch {
    return undefined;
  }
}

/** True only for pages of the app itself (`app://stillroom/...`). */
export function isAppUrl(raw: unknown): boolean {
  const url = parse(raw);
  return url !== undefined && url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST;
}

/**
 * Links that may open in the user's own browser or mail client: plain `https:` or `mailto:`,
 * never with credentials, and only to hosts on the allow-list (crisis lines, coach contact).
 */
export function isAllowedExternalUrl(raw: unknown, allowedHosts: readonly string[]): boolean {
  const url = parse(raw);
  if (!url) return false;
  if (url.protocol === 'mailto:') {
    // A plain address only: query parameters such as `attach=` have been abused in mail clients.
    if (url.search !== '' || url.hash !== '') return false;
    const address = safeDecode(url.pathname);
    const domain = address && /^[^\s@/?#]+@([^\s@/?#]+)$/.exec(address)?.[1]?.toLowerCase();
    return domain ? isAllowedHost(domain, allowedHosts) : false;
  }
  if (url.protocol !== 'https:') return false;
  if (url.username !== '' || url.password !== '' || url.port !== '') return false;
  return isAllowedHost(url.hostname.toLowerCase(), allowedHosts);
}

function isAllowedHost(host: string, allowedHosts: readonly string[]): boolean {
  return allowedHosts.some((allowed) => host === allowed || host.endsWith(`.${allowed}`));
}

function safeDecode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

/**
 * The loopback origins the browser host accepts in `Host` and `Origin`. Anything else (another
 * site, a rebinding DNS name, a LAN address) is refused.
 */
export function loopbackOrigins(port: number): { hosts: string[]; origins: string[] } {
  const hosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  return { hosts, origins: hosts.map((host) => `http://${host}`) };
}
