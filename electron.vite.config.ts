import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';

/**
 * Marks the page's script render-blocking (`blocking="render"`, which Vite would otherwise drop),
 * so the browser paints nothing before the script's first module has put the remembered theme on
 * <html>: without it an empty page in the light colours could be painted while the bundle loads.
 */
function renderBlockingEntry(): Plugin {
  return {
    name: 'stillroom-render-blocking-entry',
    transformIndexHtml: {
      order: 'post',
      handler: (html) =>
        html.replace(/<script type="module"(?![^>]*blocking)/g, '<script type="module" blocking="render"'),
    },
  };
}

/**
 * Three entry points, matching DESIGN.md's layers: the Electron shell (main process), the
 * preload bridge, and the React renderer. The browser host is not built here: it runs from
 * source with tsx and is never part of the installer.
 */
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rolldownOptions: {
        input: { index: resolve('src-main/shell/main.ts') },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload can only require('electron'): bundle everything else (zod, the
      // contract) into one CommonJS file.
      externalizeDeps: false,
      lib: {
        entry: resolve('src-main/preload/index.ts'),
        formats: ['cjs'],
        fileName: () => 'index.cjs',
      },
    },
  },
  renderer: {
    root: 'src-renderer',
    base: './',
    plugins: [react(), renderBlockingEntry()],
    build: {
      outDir: resolve('out/renderer'),
      // The first screen's JavaScript is budgeted (tests/bench): ship it minified.
      minify: true,
      rolldownOptions: {
        input: { index: resolve('src-renderer/index.html') },
        // Feature modules only define components (their stylesheets aside): a feature's index.ts
        // re-exporting a heavy screen then costs the first screen nothing unless it is used.
        // (Outside features/, e.g. app/early-theme, modules may run code when imported.)
        treeshake: {
          moduleSideEffects: (id: string) =>
            !id.includes('/src-renderer/src/features/') || id.endsWith('.css'),
        },
        // Everything the first screen needs in one file (one request, not five); screens opened
        // later stay in their own lazily loaded chunks.
        output: { codeSplitting: { groups: [{ name: 'index', tags: ['$initial'] }] } },
      },
    },
  },
});
