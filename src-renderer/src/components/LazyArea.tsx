import { Component, Suspense, useEffect, useState, type ReactNode } from 'react';

/** Long enough that a screen arriving at once never flashes a message; short enough to reassure. */
const QUIET_MS = 400;

/**
 * What shows while a screen's code is on its way. Nothing at first; after a moment a calm
 * "Opening…". The live region is there from the start, so screen readers hear the words arrive.
 */
export function Opening({ label = 'Opening…' }: { label?: string }) {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setShown(true), QUIET_MS);
    return () => clearTimeout(timer);
  }, []);
  return (
    <p role="status" className="muted">
      {shown ? label : ''}
    </p>
  );
}

/**
 * A screen's code could not be loaded (in the browser host: the host stopped or was rebuilt).
 * Everything saved is in the vault, so loading Stillroom again loses nothing.
 */
class LoadProblem extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <div role="alert">
        <p>This part of Stillroom did not open. Everything you saved is safe.</p>
        <button type="button" onClick={() => window.location.reload()}>
          Load Stillroom again
        </button>
      </div>
    );
  }
}

/**
 * Where a lazily loaded screen shows: a quiet wait while it loads, a clear way on if it cannot.
 * `screen` names what is shown: a new one gets a fresh chance to load, while the wait stays the
 * same boundary, so a navigation made in a transition keeps the old screen until the new arrives.
 */
export function LazyArea({
  children,
  label,
  screen,
}: {
  children: ReactNode;
  label?: string;
  screen?: string;
}) {
  return (
    <Suspense fallback={<Opening {...(label ? { label } : {})} />}>
      <LoadProblem key={screen}>{children}</LoadProblem>
    </Suspense>
  );
}
