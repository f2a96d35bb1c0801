import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { projectRoot, valueImportsOf } from '../helpers/layering';

/** Host-only packages: the browser host's notifications (and their helper programs). */
const HOST_ONLY = ['node-notifier'];

/** Every package the Electron main process reaches at run time, following relative imports. */
function packagesReachedFrom(entry: string): Set<string> {
  const packages = new Set<string>();
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const specifier of valueImportsOf(readFileSync(file, 'utf8'))) {
      if (!specifier.startsWith('.')) {
        packages.add(
          specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!,
        );
        continue;
      }
      const base = resolve(dirname(file), specifier);
      const target = [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), base].find(
        (candidate) => existsSync(candidate) && !candidate.endsWith('/'),
      );
      if (target && target.endsWith('.ts')) visit(target);
    }
  };
  visit(entry);
  return packages;
}

describe('the Electron main bundle', () => {
  const outMain = join(projectRoot, 'out', 'main');

  beforeAll(() => {
    // `npm test` builds after the unit tests; build here when nothing has been built yet.
    if (!existsSync(join(outMain, 'index.js'))) {
      execFileSync(
        process.execPath,
        [join(projectRoot, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'],
        {
          cwd: projectRoot,
          stdio: 'ignore',
        },
      );
    }
  }, 180_000);

  it('imports no host-only package, directly or through infra/', () => {
    const reached = packagesReachedFrom(join(projectRoot, 'src-main/shell/main.ts'));
    expect(reached).toContain('electron');
    for (const name of HOST_ONLY) expect([...reached]).not.toContain(name);
  });

  it('contains no node-notifier in out/main (built by npm run build)', () => {
    const files = readdirSync(outMain).filter((name) => name.endsWith('.js'));
    expect(files).toContain('index.js');
    for (const file of files) {
      const code = readFileSync(join(outMain, file), 'utf8');
      for (const name of HOST_ONLY) expect(code, file).not.toContain(name);
      // Its helper programs, should a copy of it ever be bundled in rather than imported.
      expect(code, file).not.toMatch(/snoretoast|terminal-notifier|notifu/i);
    }
  });
});
