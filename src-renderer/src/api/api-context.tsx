import { createContext, useContext } from 'react';
import type { AppApi } from './files';

export const ApiContext = createContext<AppApi | undefined>(undefined);

/** The typed Api for components. The UI cannot tell whether Electron or the browser host carries it. */
export function useApi(): AppApi {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi must be used inside <ApiContext.Provider>.');
  return api;
}
