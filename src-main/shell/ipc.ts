import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { CALL_NAMES, callChannel, fail } from '../contract';
import type { Dispatch } from '../core/api/dispatch';
import { isTrustedSender } from './sender-policy';

/**
 * Registers one handler per contract call. Each checks who is asking before anything else, then
 * hands the raw input to the shared dispatcher, which validates it.
 */
export function registerApi(ipcMain: IpcMain, dispatch: Dispatch, devServerUrl?: string): void {
  for (const name of CALL_NAMES) {
    ipcMain.handle(callChannel(name), async (event: IpcMainInvokeEvent, input: unknown) => {
      if (!isTrustedSender(event.senderFrame, devServerUrl)) {
        return fail('forbidden_origin', 'Only Stillroom’s own window may use this.');
      }
      return dispatch(name, input);
    });
  }
}
