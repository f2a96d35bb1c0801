import { describe, expect, it } from 'vitest';
import { importsOf, projectRoot, readSources, type SourceFile } from '../helpers/layering';
import { isLoopbackOrUnconnected } from '../helpers/sockets';

/** Modules and globals that can reach the network. */
const NETWORK_MODULES = new Set(
  [
    'http',
    'https',
    'http2',
    'net',
    'tls',
    'dgram',
    'dns',
    'ws',
    'undici',
    'node-fetch',
    'axios',
    'got',
  ].flatMap((name) => [name, `node:${name}`]),
);
const NETWORK_GLOBALS: [RegExp, string][] = [
  [/\bfetch\s*\(/, 'fetch()'],
  [/\bnew\s+WebSocket\s*\(/, 'WebSocket'],
  [/\bXMLHttpRequest\b/, 'XMLHttpRequest'],
  [/\bsendBeacon\b/, 'navigator.sendBeacon'],
  [/\bEventSource\b/, 'EventSource'],
  [/\bnet\.(request|fetch)\b/, "Electron's net"],
  [/\bimport\s*\{[^}]*\bnet\b[^}]*\}\s*from\s*['"]electron['"]/, "Electron's net"],
];

/**
 * Where the network may be touched, and why: the browser host serves the app on 127.0.0.1 only,
 * and the page's transport talks to the page's own origin (that host) only.
 */
const ALLOWED: Record<string, string> = {
  'src-main/host/': 'the browser host: an HTTP/WebSocket server on 127.0.0.1, never shipped',
  'src-renderer/src/api/http-bridge.ts': "the page's own origin (the loopback host)",
  'src-renderer/src/api/browser-files.ts':
    "uploads and downloads to the page's own origin (the loopback host)",
};

const isAllowed = (path: string) => Object.keys(ALLOWED).some((allowed) => path.startsWith(allowed));

function networkUse(files: readonly SourceFile[]): string[] {
  const found: string[] = [];
  for (const file of files) {
    if (isAllowed(file.path)) continue;
    for (const specifier of importsOf(file.source)) {
      if (NETWORK_MODULES.has(specifier)) found.push(`${file.path} imports ${specifier}`);
    }
    for (const [pattern, name] of NETWORK_GLOBALS) {
      if (pattern.test(file.source)) found.push(`${file.path} uses ${name}`);
    }
  }
  return found;
}

describe('no network', () => {
  it('nothing in the app reaches the network outside the loopback host', () => {
    const files = readSources(projectRoot, ['src-main', 'src-renderer/src']);
    expect(networkUse(files)).toEqual([]);
  });

  it('the allowed places still exist (so the list cannot go stale)', () => {
    const paths = new Set(readSources(projectRoot, ['src-main', 'src-renderer/src']).map((f) => f.path));
    for (const allowed of Object.keys(ALLOWED))
      expect([...paths].some((path) => path.startsWith(allowed))).toBe(true);
  });

  it('the host listens on 127.0.0.1 only', () => {
    const server = readSources(projectRoot, ['src-main/host']).find(
      (f) => f.path === 'src-main/host/server.ts',
    );
    expect(server?.source).toMatch(/\.listen\(options\.port, '127\.0\.0\.1'/);
  });

  it.each([
    ['src-main/core/x.ts', "const r = await fetch('https://telemetry.example');", /fetch/],
    ['src-main/infra/x.ts', "import https from 'node:https';", /node:https/],
    ['src-main/shell/x.ts', "import { net } from 'electron';", /Electron's net/],
    ['src-renderer/src/x.tsx', "navigator.sendBeacon('/x', data);", /sendBeacon/],
    ['src-renderer/src/x.tsx', "const s = new WebSocket('wss://x');", /WebSocket/],
    ['src-main/infra/x.ts', "import WebSocket from 'ws';", /imports ws/],
  ])('would catch %s', (path, source, message) => {
    expect(networkUse([{ path, source }]).join('\n')).toMatch(message);
  });

  it('tells loopback from the outside world', () => {
    expect(isLoopbackOrUnconnected('127.0.0.1:8080')).toBe(true);
    expect(isLoopbackOrUnconnected('[0:0:0:0:0:0:0:1]:80')).toBe(true);
    expect(isLoopbackOrUnconnected('0.0.0.0:0')).toBe(true);
    expect(isLoopbackOrUnconnected('93.184.216.34:443')).toBe(false);
    expect(isLoopbackOrUnconnected('[2606:2800:220:1:248:1893:25c8:1946]:443')).toBe(false);
  });
});
