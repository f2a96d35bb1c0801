import type { KeyboardEvent } from 'react';
import {
  Bell,
  EyeOff,
  BookOpen,
  ClipboardCheck,
  LifeBuoy,
  Library,
  Lock,
  NotebookPen,
  Settings,
  Share2,
  Sun,
  type LucideIcon,
} from 'lucide-react';
import { HideScreenButton } from '../components/PrivacyCover';
import { HELP_SECTION, SECTIONS, type SectionId } from './sections';

interface SidebarProps {
  current: SectionId;
  onSelect: (section: SectionId) => void;
  onLock: () => void;
}

/** A quiet picture beside each section's name; the name alone is what assistive technology reads. */
const ICONS: Record<SectionId, LucideIcon> = {
  today: Sun,
  course: BookOpen,
  diary: NotebookPen,
  checkins: ClipboardCheck,
  library: Library,
  reminders: Bell,
  share: Share2,
  settings: Settings,
  help: LifeBuoy,
};

function NavIcon({ icon: Icon }: { icon: LucideIcon }) {
  return <Icon className="nav-icon" aria-hidden="true" focusable="false" size={18} strokeWidth={1.75} />;
}

/** Section navigation. Tab reaches it; Up/Down move within it; Alt+number works from anywhere. */
export function Sidebar({ current, onSelect, onLock }: SidebarProps) {
  function onKeyDown(event: KeyboardEvent<HTMLUListElement>) {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const buttons = Array.from(event.currentTarget.querySelectorAll('button'));
    const index = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (index < 0) return;
    event.preventDefault();
    const step = event.key === 'ArrowDown' ? 1 : -1;
    buttons[(index + step + buttons.length) % buttons.length]?.focus();
  }

  return (
    <nav className="sidebar" aria-label="Sections">
      <div className="brand" aria-hidden="true">
        <span className="brand-mark" />
        Stillroom
      </div>
      <ul onKeyDown={onKeyDown}>
        {SECTIONS.map((section, index) => (
          <li key={section.id}>
            <button
              type="button"
              className="nav-item"
              aria-current={section.id === current ? 'page' : undefined}
              aria-keyshortcuts={`Alt+${index + 1}`}
              onClick={() => onSelect(section.id)}
            >
              <NavIcon icon={ICONS[section.id]} />
              {section.label}
            </button>
          </li>
        ))}
      </ul>
      <button type="button" className="nav-item lock-button" onClick={onLock}>
        <NavIcon icon={Lock} />
        Lock
      </button>
      <HideScreenButton className="nav-item hide-button" icon={<NavIcon icon={EyeOff} />} />
      <button
        type="button"
        className="nav-item help-link"
        aria-current={current === HELP_SECTION.id ? 'page' : undefined}
        onClick={() => onSelect(HELP_SECTION.id)}
      >
        <NavIcon icon={ICONS.help} />
        {HELP_SECTION.label}
      </button>
    </nav>
  );
}
