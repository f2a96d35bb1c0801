import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensureDataDir, resolveDataDir } from '../../src-main/infra/data-dir';
import { electronLikeUserDataDir } from '../../src-main/infra/default-data-dir';
import { mimeTypeFor, resolveStaticAsset } from '../../src-main/infra/static-assets';
import { parsePort } from '../../src-main/host/port';

describe('static assets', () => {
  const root = '/srv/renderer';

  it.each([
    ['/', '/srv/renderer/index.html'],
    ['/index.html', '/srv/renderer/index.html'],
    ['/assets/index-abc.js', '/srv/renderer/assets/index-abc.js'],
    ['/assets/a%20b.css', '/srv/renderer/assets/a b.css'],
  ])('maps %s inside the renderer', (path, file) => {
    expect(resolveStaticAsset(root, path)).toBe(file);
  });

  it.each([
    '/../secret',
    '/..%2fsecret',
    '/assets/../../etc/passwd',
    '/%2e%2e/%2e%2e/etc/passwd',
    '/a%00.js',
    '/..\\x',
    '/%E0%A4%A',
  ])('refuses %s', (path) => {
    expect(resolveStaticAsset(root, path)).toBeUndefined();
  });

  it('names the types the renderer needs', () => {
    expect(mimeTypeFor('a.js')).toMatch(/javascript/);
    expect(mimeTypeFor('a.CSS')).toMatch(/text\/css/);
    expect(mimeTypeFor('a.unknown')).toBe('application/octet-stream');
  });
});

describe('data folder', () => {
  it('honours STILLROOM_DATA_DIR, else the fallback', () => {
    expect(resolveDataDir({ STILLROOM_DATA_DIR: '/tmp/sr' }, '/home/u/.config/Stillroom')).toBe('/tmp/sr');
    expect(resolveDataDir({ STILLROOM_DATA_DIR: '  ' }, '/home/u/.config/Stillroom')).toBe(
      '/home/u/.config/Stillroom',
    );
    expect(resolveDataDir({}, 'rel')).toBe(resolve('rel'));
  });

  it('creates the folder for this user only', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'sr-')), 'nested', 'data');
    ensureDataDir(dir);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
  });

  it('matches Electron userData locations', () => {
    expect(electronLikeUserDataDir('linux', {}, '/home/u')).toBe('/home/u/.config/Stillroom');
    expect(electronLikeUserDataDir('linux', { XDG_CONFIG_HOME: '/x' }, '/home/u')).toBe('/x/Stillroom');
    expect(electronLikeUserDataDir('darwin', {}, '/Users/u')).toBe(
      '/Users/u/Library/Application Support/Stillroom',
    );
    expect(electronLikeUserDataDir('win32', { APPDATA: 'C:\\AppData' }, 'C:\\u')).toContain('Stillroom');
  });
});

describe('STILLROOM_PORT', () => {
  it('parses valid ports and refuses the rest', () => {
    expect(parsePort(undefined)).toBe(0);
    expect(parsePort('')).toBe(0);
    expect(parsePort('8080')).toBe(8080);
    expect(parsePort(' 9000 ')).toBe(9000);
    for (const bad of ['-1', '65536', 'abc', '80.5', '1e3', '999999']) expect(parsePort(bad)).toBeUndefined();
  });
});
