import { useState } from 'react';
import type { Result } from '../../../src-main/contract';

export interface FormMessageState {
  error?: string;
  success?: string;
}

/**
 * The busy flag and the message every form shows: runs one Api action, reports its error in the
 * form (keeping what was typed), and lets the caller say what success means. While busy, the
 * submit button is aria-disabled rather than disabled: a disabled button drops keyboard focus.
 */
export function useFormAction() {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<FormMessageState>({});

  async function run<T>(
    action: () => Promise<Result<T>>,
    onSuccess: (value: T) => string | undefined,
  ): Promise<void> {
    if (busy) return;
    setBusy(true);
    setMessage({});
    const result = await action();
    setBusy(false);
    if (result.ok) setMessage({ success: onSuccess(result.value) });
    else setMessage({ error: result.error.message });
  }

  return { busy, message, run, fail: (error: string) => setMessage({ error }) };
}
