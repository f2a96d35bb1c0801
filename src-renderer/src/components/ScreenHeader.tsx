import type { ReactNode } from 'react';

/** Each screen's heading. Focusable (not tabbable) so navigation can move focus to it. */
export function ScreenHeader({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <header className="screen-header">
      <h1 tabIndex={-1}>{title}</h1>
      {children && <p className="lead">{children}</p>}
    </header>
  );
}
