/*
 * Which links may leave Stillroom for the user's own browser or mail client. Plain TypeScript with
 * no imports, so the page (which may not load zod) applies exactly the check the desktop shell
 * applies when a link is clicked: a refused link is shown as text, in both hosts.
 */

/**
 * Hosts a link may open: the crisis services Stillroom ships (content/crisis/). The
 * organisation's own contacts (policy) join these where they are known.
 */
export const EXTERNAL_HOSTS: readonly string[] = ['nhs.uk', 'samaritans.org', 'giveusashout.org'];

export function parseUrl(raw: unknown): URL | undefined {
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

/**
 * Links that may open in the user's own browser or mail client: plain `https:` or `mailto:`,
 * never with credentials, and only to hosts on the allow-list (crisis lines, coach contact).
 */
export function isAllowedExternalUrl(raw: unknown, allowedHosts: readonly string[]): boolean {
  const url = parseUrl(raw);
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
