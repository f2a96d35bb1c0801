/** A display as the shell sees it (Electron's `screen.getAllDisplays()`), reduced to what matters. */
export interface DisplayInfo {
  id: number;
  bounds: { x: number; y: number; width: number; height: number };
}

/**
 * Where a room goes: on the display the person is working on (the one holding the main window,
 * or the primary one), and a calm curtain over every other display so work stays out of sight.
 * Unknown or missing displays fall back to the first; no displays at all means no room window.
 */
export function layoutRoomDisplays(
  displays: readonly DisplayInfo[],
  preferredId: number | undefined,
): { room: DisplayInfo; curtains: DisplayInfo[] } | undefined {
  const room = displays.find((display) => display.id === preferredId) ?? displays[0];
  if (!room) return undefined;
  // The same display can be reported twice while displays change (mirroring): one curtain each.
  const seen = new Set<number>([room.id]);
  const curtains = displays.filter((display) => {
    if (seen.has(display.id)) return false;
    seen.add(display.id);
    return true;
  });
  return { room, curtains };
}
