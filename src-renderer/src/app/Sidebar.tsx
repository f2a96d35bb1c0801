import type { KeyboardEvent } from 'react';
import { HideScreenButton } from '../components/PrivacyCover';
import { HELP_SECTION, SECTIONS, type SectionId } from './sections';

interface SidebarProps {
  current: SectionId;
  onSelect: (section: SectionId) => void;
  onLock: () => void;
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
              {section.label}
            </button>
          </li>
        ))}
      </ul>
      <button type="button" className="nav-item lock-button" onClick={onLock}>
        Lock
      </button>
      <HideScreenButton className="nav-item hide-button" />
      <button
        type="button"
        className="nav-item help-link"
        aria-current={current === HELP_SECTION.id ? 'page' : undefined}
        onClick={() => onSelect(HELP_SECTION.id)}
      >
        {HELP_SECTION.label}
      </button>
    </nav>
  );
}
