import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { CheckinsScreen } from '../features/checkins/CheckinsScreen';
import { CourseScreen } from '../features/course/CourseScreen';
import { DiaryScreen } from '../features/diary/DiaryScreen';
import { HelpScreen } from '../features/help/HelpScreen';
import { LibraryScreen } from '../features/library/LibraryScreen';
import { SettingsScreen } from '../features/settings/SettingsScreen';
import { ShareScreen } from '../features/share/ShareScreen';
import { TodayScreen } from '../features/today/TodayScreen';
import { NavigationContext, type NavTarget } from './navigation';
import { Sidebar } from './Sidebar';
import { HELP_SECTION, isSectionId, SECTIONS, type SectionId } from './sections';
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
  const navigate = useCallback((target: NavTarget) => {
    setSection(target.section);
    setItem(target.item);
  }, []);
  const navigation = useMemo(() => ({ navigate, item }), [navigate, item]);
  const mainRef = useRef<HTMLElement>(null);
  const firstRender = useRef(true);

  useEffect(() => {
    sessionStorage.setItem(LAST_SECTION_KEY, section);
    document.title = `${[...SECTIONS, HELP_SECTION].find((s) => s.id === section)?.label ?? ''} · Stillroom`;
    // Move focus to the new heading so keyboard and screen-reader users land on the content.
    if (firstRender.current) firstRender.current = false;
    else mainRef.current?.querySelector<HTMLElement>('h1')?.focus();
  }, [section]);

  useEffect(() => {
    // Alt+1 … Alt+6 jump between sections from anywhere.
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
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <Sidebar current={section} onSelect={(id) => navigate({ section: id })} onLock={onLock} />
      <NavigationContext.Provider value={navigation}>
        <main id="main" ref={mainRef} className="content" tabIndex={-1}>
          {section === 'today' && <TodayScreen onNavigate={(id) => navigate({ section: id })} />}
          {section === 'course' && <CourseScreen />}
          {section === 'diary' && <DiaryScreen />}
          {section === 'checkins' && <CheckinsScreen />}
          {section === 'library' && <LibraryScreen />}
          {section === 'settings' && <SettingsScreen themeState={themeState} />}
          {section === 'help' && <HelpScreen />}
          {section === 'share' && <ShareScreen />}
        </main>
      </NavigationContext.Provider>
    </div>
  );
}
