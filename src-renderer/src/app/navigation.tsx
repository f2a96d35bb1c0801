import { createContext, useContext } from 'react';
import { sectionHasViews, type SectionId } from './sections';

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
  /** The item the current section shows (its start when undefined); replaced on every navigation. */
  item: string | undefined;
}

export const NavigationContext = createContext<Navigation>({
  navigate: () => undefined,
  item: undefined,
});

export function useNavigation(): Navigation {
  return useContext(NavigationContext);
}

/**
 * Where the person is: a section, the item it shows, the items shown before it in this section
 * (for Back), and how many times the section was opened afresh (its screen remounts on each, so
 * view state a screen keeps for itself goes back to its start too).
 */
export interface NavState {
  section: SectionId;
  item: string | undefined;
  history: (string | undefined)[];
  opened: number;
  /** Counts every navigation, even to where the person already is: each one starts at the top. */
  moves: number;
}

export type NavAction =
  | { kind: 'go'; target: NavTarget }
  /** The sidebar or Alt+number: the section's start, whatever was showing before. */
  | { kind: 'open-section'; section: SectionId }
  | { kind: 'back' };

/** History never grows without end: Back is for a few steps, not a record of the session. */
const HISTORY_LIMIT = 20;

export function nextNavState(state: NavState, action: NavAction): NavState {
  const next = nextPlace(state, action);
  return next === state ? state : { ...next, moves: state.moves + 1 };
}

function nextPlace(state: NavState, action: NavAction): NavState {
  switch (action.kind) {
    case 'open-section':
      return { ...state, section: action.section, item: undefined, history: [], opened: state.opened + 1 };
    case 'back': {
      if (!canGoBack(state)) return state;
      const history = state.history.slice(0, -1);
      return { ...state, item: state.history.at(-1), history };
    }
    case 'go': {
      const { section, item } = action.target;
      if (section !== state.section) return { ...state, section, item, history: [] };
      // Going where one already is still counts as a move (a form's last button leading back).
      if (item === state.item) return { ...state };
      // Back from the section's start would lead nowhere useful, so reaching it starts afresh.
      const history = item === undefined ? [] : [...state.history, state.item].slice(-HISTORY_LIMIT);
      return { ...state, item, history };
    }
  }
}

/** Back works once the person has moved within a section, or was brought into one of its views. */
export function canGoBack(state: NavState): boolean {
  return state.history.length > 0 || (state.item !== undefined && sectionHasViews(state.section));
}
