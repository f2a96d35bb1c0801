import type { Session, WebContents } from 'electron';
import { isAllowedExternalUrl, isAppUrl } from '../core/security/url-policy';

/** Hosts a link may open in the user's browser (crisis lines and policy-supplied coach sites join later). */
export const EXTERNAL_HOSTS: readonly string[] = [];

/**
 * Hardening for every web contents the app creates: no navigation away from the app, no new
 * windows (safe external links go to the user's browser instead), no <webview>.
 */
export function guardWebContents(
  contents: WebContents,
  openExternal: (url: string) => void,
  devServerUrl?: string,
): void {
  const isOwnPage = (url: string) =>
    isAppUrl(url) || (devServerUrl !== undefined && url.startsWith(devServerUrl));
  contents.on('will-navigate', (event, url) => {
    if (!isOwnPage(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isOwnPage(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url, EXTERNAL_HOSTS)) openExternal(url);
    return { action: 'deny' };
  });
}

/** Stillroom needs no camera, microphone, location, notifications-by-web or anything else. */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}
