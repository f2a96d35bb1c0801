import { isAppUrl } from '../core/security/url-policy';

export interface SenderFrame {
  url: string;
  parent: unknown;
}

/**
 * An IPC message is trusted only from the top frame of our own page (`app://stillroom/...`),
 * or, in development only, from the dev server electron-vite started.
 */
export function isTrustedSender(frame: SenderFrame | null | undefined, devServerUrl?: string): boolean {
  if (!frame || frame.parent !== null) return false;
  if (isAppUrl(frame.url)) return true;
  if (!devServerUrl) return false;
  try {
    return new URL(frame.url).origin === new URL(devServerUrl).origin;
  } catch {
    return false;
  }
}
