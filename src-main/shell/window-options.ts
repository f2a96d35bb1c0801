import type { BrowserWindowConstructorOptions } from 'electron';

/**
 * The main window's options, as a pure function so tests can check every security switch under
 * plain Node. Each web preference below is the safe value, spelled out rather than left to
 * Electron's defaults, so a future upgrade cannot silently change it.
 */
export function mainWindowOptions(preloadPath: string, devTools: boolean): BrowserWindowConstructorOptions {
  return {
    width: 1120,
    height: 780,
    minWidth: 640,
    minHeight: 480,
    show: false,
    title: 'Stillroom',
    backgroundColor: '#f5f3ee',
    autoHideMenuBar: true,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      // On Linux, Chromium's spellchecker downloads dictionaries from Google: a network call.
      spellcheck: false,
      devTools,
    },
  };
}
