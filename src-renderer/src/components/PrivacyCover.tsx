import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { DEFAULT_PRIVACY_KEY } from '../../../src-main/contract/plain';
import { useApi } from '../api/api-context';
import { NeutralScreen } from './NeutralScreen';
import { usePrivacyKey } from './use-privacy-key';
import { usePrivacyPrefs } from './use-privacy-prefs';
import '../styles/soften.css';

/**
 * The privacy key (and a "Hide screen" button) for the whole main window: a plain, empty page
 * that says nothing about what was there. The app behind stays mounted, only hidden and inert,
 * so a half-typed entry or a half-answered check-in is exactly as it was on return.
 *
 * Mount it inside the room provider's children: while a room is open they are not shown, so
 * this key handler is gone and the room's own handler is the only one (no double toggle).
 */
export function PrivacyCover({
  className,
  children,
}: {
  /** The wrapper is the app's own frame, so it adds nothing to the layout. */
  className: string;
  children: ReactNode;
}) {
  const api = useApi();
  const { privacyKey } = usePrivacyPrefs();
  const [hidden, setHidden] = useState(false);
  // What to give back on return: the page's title and where the focus was.
  const before = useRef<{ title: string; focus: Element | null }>({ title: '', focus: null });

  const hide = useCallback(() => {
    before.current = { title: document.title, focus: document.activeElement };
    document.title = 'Paused';
    setHidden(true);
  }, []);
  const reopen = useCallback(() => {
    document.title = before.current.title;
    setHidden(false);
  }, []);

  useEffect(() => {
    if (hidden) return;
    const focus = before.current.focus;
    before.current.focus = null;
    if (focus instanceof HTMLElement && focus.isConnected) focus.focus();
  }, [hidden]);

  usePrivacyKey(privacyKey, hidden ? reopen : hide);
  // The desktop app catches the key before the page can (see src-main/shell/privacy-shortcut.ts).
  useEffect(() => api.on('privacy.keyPressed', hidden ? reopen : hide), [api, hidden, hide, reopen]);

  return (
    <>
      {hidden && <NeutralScreen privacyKey={privacyKey} onReopen={reopen} />}
      {/* Inline `display: none`, since the frame's own `display: grid` would win over `hidden`. */}
      <div
        className={className}
        hidden={hidden}
        inert={hidden}
        style={hidden ? { display: 'none' } : undefined}
      >
        <HideContext.Provider value={{ hide, privacyKey }}>{children}</HideContext.Provider>
      </div>
    </>
  );
}

const HideContext = createContext({ hide: () => undefined as void, privacyKey: DEFAULT_PRIVACY_KEY });

/** The visible way to do what the privacy key does, for anyone who does not know the key. */
export function HideScreenButton({ className, icon }: { className?: string; icon?: ReactNode }) {
  const { hide, privacyKey } = useContext(HideContext);
  return (
    <button
      type="button"
      className={className}
      aria-keyshortcuts={privacyKey.replace(/\bCtrl\b/, 'Control')}
      onClick={hide}
    >
      {icon}
      Hide screen
    </button>
  );
}
