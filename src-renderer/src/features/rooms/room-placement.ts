// Its own module so the room screen can ask where it shows without importing RoomProvider,
// which loads the room screen lazily (the two importing each other made a circle).

/**
 * Where the room shows: over the page (browser host), or, in the Electron app, in the shell's own
 * full-screen room window (`index.html?room`), while the main window only starts and resumes it.
 */
export type RoomPlacement = 'in-page' | 'room-window' | 'elsewhere';

export function roomPlacement(win: Window & { stillroom?: unknown }): RoomPlacement {
  if (new URLSearchParams(win.location.search).has('room')) return 'room-window';
  return typeof win.stillroom === 'object' && win.stillroom !== null ? 'elsewhere' : 'in-page';
}
