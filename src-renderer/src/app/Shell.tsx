import {
  Fragment,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useReducer,
  useRef,
  useTransition,
} from 'react';
import { ChevronLeft } from 'lucide-react';
import { LazyArea, Opening } from '../components/LazyArea';
import { PrivacyCover } from '../components/PrivacyCover';
import { HelpScreen } from '../features/help';
import { ReminderBanner } from '../features/reminders/ReminderBanner';
import { TodayScreen } from '../features/today/TodayScreen';
import {
  CheckinsScreen,
  CourseScreen,
  DiaryScreen,
  LibraryScreen,
  preloadScreensWhenIdle,
  RemindersScreen,
  SettingsScreen,
  ShareScreen,
} from './lazy-screens';
import { canGoBack, NavigationContext, nextNavState, type NavState, type NavTarget } from './navigation';
import { Sidebar } from './Sidebar';
import { HELP_SECTION, isSectionId, SECTIONS, type SectionId } from './sections';
import { RoomProvider, roomPlacement } from '../features/rooms/RoomProvider';
import type { useTheme } from './use-theme';

const LAST_SECTION_KEY = 'stillroom.section';

/** The frame a user lives in: navigation on the left, one section at a time on the right. */
export function Shell({
  onLock,
  themeState,
}: {
  onLock: () => void;
  themeState: ReturnType<typeof useTheme>;
}) {
  const [nav, dispatch] = useReducer(nextNavState, undefined, (): NavState => {
    const saved = sessionStorage.getItem(LAST_SECTION_KEY);
    return {
      section: isSectionId(saved) ? saved : 'today',
      item: undefined,
      history: [],
      opened: 0,
      moves: 0,
    };
  });
  const { section, item, opened, moves } = nav;
  // In a transition: a screen whose code is still on its way leaves the current one in place
  // (with a quiet "Opening…" if it takes a while) instead of blanking the page for a moment.
  const [opening, startTransition] = useTransition();
  const navigate = useCallback((target: NavTarget) => {
    startTransition(() => dispatch({ kind: 'go', target }));
  }, []);
  const openSection = useCallback((id: SectionId) => {
    startTransition(() => dispatch({ kind: 'open-section', section: id }));
  }, []);
  const backDue = useRef(false);
  const back = useCallback(() => {
    backDue.current = true;
    startTransition(() => dispatch({ kind: 'back' }));
  }, []);
  const backShown = canGoBack(nav);
  const navigation = useMemo(() => ({ navigate, item }), [navigate, item]);
  const mainRef = useRef<HTMLElement>(null);
  const firstRender = useRef(true);
  // A screen whose code is still loading has no heading yet: focus moves when it arrives.
  const headingFocusDue = useRef(false);
  const focusHeading = useCallback(() => {
    if (!headingFocusDue.current) return;
    const heading = mainRef.current?.querySelector<HTMLElement>('h1');
    if (!heading) return;
    headingFocusDue.current = false;
    heading.focus();
  }, []);

  useEffect(() => {
    sessionStorage.setItem(LAST_SECTION_KEY, section);
    document.title = `${[...SECTIONS, HELP_SECTION].find((s) => s.id === section)?.label ?? ''} · Stillroom`;
    // Move focus to the new heading so keyboard and screen-reader users land on the content.
    if (firstRender.current) firstRender.current = false;
    else {
      headingFocusDue.current = true;
      focusHeading();
    }
  }, [section, opened, focusHeading]);

  // Every new view starts at its top, wherever the last one was scrolled to: before paint, so
  // the new view never shows for a moment at the old place. The first view is different: the
  // page is almost always at its top already, and scrolling before the first paint would force a
  // whole layout in the middle of the first render (some 20 ms of the cold start, found with a
  // trace of tests/bench/renderer-bench.ts). So it is put at its top just after that paint, and
  // only if it is not there (say, after unlocking from a lock screen scrolled down at a large
  // text size), when reading the position costs nothing.
  useLayoutEffect(() => {
    if (moves === 0) return;
    window.scrollTo(0, 0);
    if (mainRef.current) mainRef.current.scrollTop = 0;
  }, [moves]);
  useEffect(() => {
    if (window.scrollY !== 0) window.scrollTo(0, 0);
  }, []);

  useEffect(() => {
    // Back removes the link that was pressed: focus goes to the heading of the view it returns
    // to (a view that loads its own content focuses its own heading when it arrives).
    if (!backDue.current) return;
    backDue.current = false;
    headingFocusDue.current = true;
    focusHeading();
  }, [item, focusHeading]);

  useEffect(() => preloadScreensWhenIdle(), []);

  useEffect(() => {
    // Alt+1 … Alt+8 jump between sections from anywhere; Alt+← goes back within a section.
    const onKey = (event: KeyboardEvent) => {
      if (!event.altKey || event.ctrlKey || event.metaKey) return;
      if (event.key === 'ArrowLeft') {
        // In a text field Alt+← moves the cursor (by word, on a Mac): typing is never interrupted.
        if (isTextField(event.target)) return;
        event.preventDefault();
        back();
        return;
      }
      const index = Number(event.key) - 1;
      const target = SECTIONS[index];
      if (target) {
        event.preventDefault();
        openSection(target.id);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [openSection, back]);

  return (
    // The room sits inside the navigation, so links inside a room can open things in it, and
    // anything that must wait opens once the room is over.
    <NavigationContext.Provider value={navigation}>
      <RoomProvider placement={roomPlacement(window)}>
        {/* Inside the room provider: while a room is open, only the room's own privacy key works. */}
        <PrivacyCover className="app">
          <a className="skip-link" href="#main">
            Skip to content
          </a>
          <Sidebar current={section} onSelect={openSection} onLock={onLock} />
          <main id="main" ref={mainRef} className="content" tabIndex={-1} aria-busy={opening || undefined}>
            <ReminderBanner navigate={navigate} />
            {opening && <Opening />}
            {backShown && (
              <p className="back-link">
                <button
                  type="button"
                  className="link-button"
                  onClick={back}
                  aria-keyshortcuts="Alt+ArrowLeft"
                >
                  <ChevronLeft aria-hidden="true" size={16} />
                  Back
                </button>
              </p>
            )}
            <LazyArea screen={section}>
              {/* Keyed by each fresh opening: view state a screen keeps itself starts again too. */}
              <Fragment key={opened}>
                {section === 'today' && <TodayScreen onNavigate={(id) => navigate({ section: id })} />}
                {section === 'course' && <CourseScreen />}
                {section === 'diary' && <DiaryScreen />}
                {section === 'checkins' && <CheckinsScreen />}
                {section === 'library' && <LibraryScreen />}
                {section === 'reminders' && <RemindersScreen />}
                {section === 'settings' && <SettingsScreen themeState={themeState} />}
                {section === 'help' && <HelpScreen />}
                {section === 'share' && <ShareScreen />}
              </Fragment>
              <OnShown action={focusHeading} />
            </LazyArea>
          </main>
        </PrivacyCover>
      </RoomProvider>
    </NavigationContext.Provider>
  );
}

/** Runs `action` once its siblings are on screen (inside Suspense: when a lazy screen has arrived). */
function OnShown({ action }: { action: () => void }) {
  useEffect(() => action(), [action]);
  return null;
}

function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement) return true;
  return (
    target instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit'].includes(target.type)
  );
}
