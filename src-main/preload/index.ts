/**
 * The only bridge between the page and the main process. It exposes `window.stillroom` with one
 * function per contract call and `on` for contract events: never `ipcRenderer` itself, never the
 * IPC event object (which would hand the page a way back to `ipcRenderer`).
 */
import { contextBridge, ipcRenderer } from 'electron';
import {
  CALL_NAMES,
  callChannel,
  eventChannel,
  isEventName,
  type CallFunctions,
  type StillroomBridge,
} from '../contract';

const calls = Object.fromEntries(
  CALL_NAMES.map((name) => [name, (input: unknown) => ipcRenderer.invoke(callChannel(name), input)]),
) as unknown as CallFunctions;

const bridge: StillroomBridge = {
  calls,
  on(name, listener) {
    if (!isEventName(name) || typeof listener !== 'function') return () => {};
    const channel = eventChannel(name);
    const wrapped = (_event: unknown, payload: unknown) => (listener as (p: unknown) => void)(payload);
    ipcRenderer.on(channel, wrapped);
    return () => {
      ipcRenderer.removeListener(channel, wrapped);
    };
  },
};

contextBridge.exposeInMainWorld('stillroom', bridge);
