import { createContext, useContext } from 'react';
import type { StillroomBridge } from '../../../src-main/contract';

export const ApiContext = createContext<StillroomBridge | undefined>(undefined);

/** The typed Api for components. The UI cannot tell whether Electron or the browser host carries it. */
export function useApi(): StillroomBridge {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi must be used inside <ApiContext.Provider>.');
  return api;
}
