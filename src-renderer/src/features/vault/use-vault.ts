import { useCallback, useEffect, useRef, useState } from 'react';
import type { Result, StillroomBridge, VaultStatus } from '../../../../src-main/contract';
import { call } from '../../api/call';

const ACTIVITY_EVERY_MS = 30_000;

/**
 * The vault's state as the UI needs it: on start (from the request made before the first render,
 * when there is one) and on every lock event from the host or the shell. While unlocked, signs of the user (keys, pointer,
 * scrolling) are reported now and then so idle auto-lock can tell a reader from an empty desk.
 */
export function useVault(
  api: StillroomBridge,
  initialStatus?: Promise<Result<VaultStatus>>,
  settledStatus?: Result<VaultStatus>,
) {
  // When the first answer is already here, the first render shows the right screen straight away.
  const [status, setStatus] = useState<VaultStatus | undefined>(
    settledStatus?.ok ? settledStatus.value : undefined,
  );
  const [loadError, setLoadError] = useState<string | undefined>(
    settledStatus && !settledStatus.ok ? settledStatus.error.message : undefined,
  );

  const initial = useRef(initialStatus);
  const refresh = useCallback(async () => {
    // The first answer may already be on its way; later ones are asked for afresh.
    const pending = initial.current ?? call(api, 'vault.status', {});
    initial.current = undefined;
    const result = await pending;
    if (result.ok) {
      setStatus(result.value);
      setLoadError(undefined);
    } else {
      setLoadError(result.error.message);
    }
  }, [api]);

  useEffect(() => {
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
