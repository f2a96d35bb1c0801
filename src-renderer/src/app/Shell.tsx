import { useCallback, useEffect, useMemo, useRef, useState, useTransition } from 'react';
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
import { NavigationContext, type NavTarget } from './navigation';
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
  const [section, setSection] = useState<SectionId>(() => {
    const saved = sessionStorage.getItem(LAST_SECTION_KEY);
    return isSectionId(saved) ? saved : 'today';
  });
  const [item, setItem] = useState<string | undefined>(undefined);
  // In a transition: a screen whose code is still on its way leaves the current one in place
  // (with a quiet "Opening…" if it takes a while) instead of blanking the page for a moment.
  const [opening, startTransition] = useTransition();
  const navigate = useCallback((target: NavTarget) => {
    startTransition(() => {
      setSection(target.section);
      setItem(target.item);
    });
  }, []);
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
  }, [section, focusHeading]);

  useEffect(() => preloadScreensWhenIdle(), []);

  useEffect(() => {
    // Alt+1 … Alt+7 jump between sections from anywhere.
    const onKey = (event: KeyboardEvent) => {
      if (!event.altKey || event.ctrlKey || event.metaKey) return;
      const index = Number(event.key) - 1;
      const target = SECTIONS[index];
      if (target) {
        event.preventDefault();
        navigate({ section: target.id });
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [navigate]);

  return (
    // The room sits inside the navigation, so links inside a room can open things in it, and
    // anything that must wait opens once the room is over.
    <NavigationContext.Provider value={navigation}>
      <RoomProvider placement={roomPlacement(window)}>
        {/* Inside the room provider: while a room is open, only the room's own privacy key works. */}
        <PrivacyCover className="app" refresh={section}>
          <a className="skip-link" href="#main">
            Skip to content
          </a>
          <Sidebar current={section} onSelect={(id) => navigate({ section: id })} onLock={onLock} />
          <main id="main" ref={mainRef} className="content" tabIndex={-1} aria-busy={opening || undefined}>
            <ReminderBanner navigate={navigate} />
            {opening && <Opening />}
            <LazyArea screen={section}>
              {section === 'today' && <TodayScreen onNavigate={(id) => navigate({ section: id })} />}
              {section === 'course' && <CourseScreen />}
              {section === 'diary' && <DiaryScreen />}
              {section === 'checkins' && <CheckinsScreen />}
              {section === 'library' && <LibraryScreen />}
              {section === 'reminders' && <RemindersScreen />}
              {section === 'settings' && <SettingsScreen themeState={themeState} />}
              {section === 'help' && <HelpScreen />}
              {section === 'share' && <ShareScreen />}
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
