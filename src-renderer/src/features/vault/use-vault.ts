import { useCallback, useEffect, useRef, useState } from 'react';
import type { StillroomBridge, VaultStatus } from '../../../../src-main/contract';
import { call } from '../../api/call';

const ACTIVITY_EVERY_MS = 30_000;

/**
 * The vault's state as the UI needs it: refreshed on start, on a lock event from the host or the
 * shell, and after any call that says "locked". While unlocked, signs of the user (keys, pointer,
 * scrolling) are reported now and then so idle auto-lock can tell a reader from an empty desk.
 */
export function useVault(api: StillroomBridge) {
  const [status, setStatus] = useState<VaultStatus>();
  const [loadError, setLoadError] = useState<string>();

  const refresh = useCallback(async () => {
    const result = await call(api, 'vault.status', {});
    if (result.ok) {
      setStatus(result.value);
      setLoadError(undefined);
    } else {
      setLoadError(result.error.message);
    }
  }, [api]);

  useEffect(() => {
    // Loading the vault's state on start is exactly what this effect is for.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void refresh();
    return api.on('app.locked', () => void refresh());
  }, [api, refresh]);

  const lastReport = useRef(0);
  const unlocked = status?.state === 'unlocked';
  useEffect(() => {
    if (!unlocked) return;
    const onActivity = () => {
      const now = Date.now();
      if (now - lastReport.current < ACTIVITY_EVERY_MS) return;
      lastReport.current = now;
      void call(api, 'app.activity', {});
    };
    const events = ['keydown', 'pointerdown', 'wheel'] as const;
    for (const name of events) window.addEventListener(name, onActivity, { passive: true });
    return () => {
      for (const name of events) window.removeEventListener(name, onActivity);
    };
  }, [api, unlocked]);

  return { status, setStatus, refresh, loadError };
}
