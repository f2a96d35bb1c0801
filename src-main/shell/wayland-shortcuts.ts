/**
 * The privacy key on Linux under Wayland. Wayland lets no app grab a key for the whole desktop;
 * Electron can ask the desktop's GlobalShortcuts portal instead, but only with Chromium's
 * `GlobalShortcutsPortal` feature switched on, and only where the desktop has that portal (KDE
 * Plasma, GNOME 48+; the desktop may ask the person to confirm the key). Where it cannot, the
 * room's own key still works while the room is in front (it takes focus when it opens), as does
 * its "Hide now" button: the fallback README describes.
 */
export const PORTAL_FEATURE = 'GlobalShortcutsPortal';

export function isWaylandSession(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): boolean {
  if (platform !== 'linux') return false;
  return env.XDG_SESSION_TYPE?.toLowerCase() === 'wayland' || Boolean(env.WAYLAND_DISPLAY);
}

/**
 * The `--enable-features` value with the portal added. Chromium reads only the last such switch,
 * so a value given on the command line is kept and extended, never replaced.
 */
export function withPortalFeature(existing: string): string {
  const features = existing
    .split(',')
    .map((feature) => feature.trim())
    .filter(Boolean);
  return features.includes(PORTAL_FEATURE) ? features.join(',') : [...features, PORTAL_FEATURE].join(',');
}

/** What the log says when the key could not be registered: no key names beyond the accelerator. */
export function privacyKeyUnavailableNotice(accelerator: string, wayland: boolean): string {
  return wayland
    ? `Stillroom: this Wayland desktop gave no global key (no GlobalShortcuts portal, or it was refused); ${accelerator} works while the room is in front.`
    : `Stillroom: the privacy key ${accelerator} is taken by another app; it works while the room is in front.`;
}
