import { useEffect, useState } from 'react';
import type { CallName, CallOutput } from '../../../src-main/contract';
import { call } from './call';
import { useApi } from './api-context';

/** Loads one no-input call's value when a screen opens; `error` says why it could not. */
export function useCallResult<C extends CallName>(name: C): { value?: CallOutput<C>; error?: string } {
  const api = useApi();
  const [state, setState] = useState<{ value?: CallOutput<C>; error?: string }>({});
  useEffect(() => {
    let live = true;
    void call(api, name, {} as never).then((result) => {
      if (!live) return;
      setState(result.ok ? { value: result.value } : { error: result.error.message });
    });
    return () => {
      live = false;
    };
  }, [api, name]);
  return state;
}
