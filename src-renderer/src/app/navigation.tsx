import { createContext, useContext } from 'react';
import type { SectionId } from './sections';

/**
 * Where a link inside a screen leads: a section, and optionally one thing in it (a module id,
 * "module/step", an article id…). Features link to each other through this, never by importing
 * each other's screens, so each screen stays the only owner of how it shows its own items.
 */
export interface NavTarget {
  section: SectionId;
  item?: string;
}

export interface Navigation {
  navigate: (target: NavTarget) => void;
  /** The item the current section was opened with, if any (cleared on the next navigation). */
  item: string | undefined;
}

export const NavigationContext = createContext<Navigation>({
  navigate: () => undefined,
  item: undefined,
});

export function useNavigation(): Navigation {
  return useContext(NavigationContext);
}
