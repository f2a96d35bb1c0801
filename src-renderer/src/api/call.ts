import type { CallInput, CallName, CallOutput, Result, StillroomBridge } from '../../../src-main/contract';

/** Calls the Api; a thrown transport error becomes the same kind of Result as any other failure. */
export async function call<C extends CallName>(
  api: StillroomBridge,
  name: C,
  input: CallInput<C>,
): Promise<Result<CallOutput<C>>> {
  try {
    return await api.calls[name](input);
  } catch {
    return {
      ok: false,
      error: { code: 'unavailable', message: 'Stillroom could not be reached. Try again.' },
    };
  }
}
