/**
 * The GitHub Actions workflow for machines that can download Electron (.github/workflows/
 * desktop.yml). It cannot run here, so it is checked offline: by @action-validator/cli (GitHub's
 * workflow schema, compiled to WebAssembly, no network) and for the steps the desktop app's proof
 * depends on.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const validator = createRequire(import.meta.url).resolve('@action-validator/cli/cli.mjs');
const path = join(root, '.github/workflows/desktop.yml');
const text = readFileSync(path, 'utf8');

interface Step {
  name?: string;
  if?: string;
  run?: string;
  uses?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Job {
  'runs-on': string;
  strategy: { matrix: { include: { name: string; os: string; dist: string; resources: string }[] } };
  steps: Step[];
}
const job = (parse(text) as { jobs: { desktop: Job } }).jobs.desktop;
const matrix = job.strategy.matrix.include;

function validate(file: string) {
  return spawnSync(process.execPath, [validator, file], { encoding: 'utf8' });
}

/** The shell commands a runner of this OS would run, in order. */
function commandsOn(os: 'Linux' | 'Windows' | 'macOS'): string {
  return job.steps
    .filter((step) => step.run && (!step.if || step.if.includes(`'${os}'`)))
    .map((step) => step.run!)
    .join('\n');
}

describe('the desktop workflow', () => {
  const temp = mkdtempSync(join(tmpdir(), 'stillroom-workflow-'));
  afterAll(() => rmSync(temp, { recursive: true, force: true }));

  it('is a valid GitHub Actions workflow', () => {
    const result = validate(path);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('is refused when broken (the validator really checks)', () => {
    const broken = join(temp, 'broken.yml');
    writeFileSync(broken, text.replace(/^ {4}steps:/m, '    step:'));
    const result = validate(broken);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain("Additional property 'step' is not allowed");
  });

  it('runs on Linux, Windows and macOS with Node 24 and a clean npm ci', () => {
    expect(job['runs-on']).toBe('${{ matrix.os }}');
    expect(matrix.map((entry) => entry.name)).toEqual(['Linux', 'Windows', 'macOS']);
    expect(matrix.map((entry) => entry.os)).toEqual(['ubuntu-24.04', 'windows-latest', 'macos-latest']);
    const setup = job.steps.find((step) => step.uses?.startsWith('actions/setup-node@'));
    expect(setup?.with?.['node-version']).toBe(24);
    for (const os of ['Linux', 'Windows', 'macOS'] as const) expect(commandsOn(os)).toMatch(/^npm ci$/m);
  });

  it('runs the tests, the Electron suite included, on every system (Linux under Xvfb)', () => {
    expect(commandsOn('Linux')).toMatch(/^xvfb-run --auto-servernum npm test$/m);
    expect(commandsOn('macOS')).toMatch(/^npm test$/m);
    expect(commandsOn('Windows')).toMatch(/^npm run test:electron$/m);
    const scripts = (
      JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
    ).scripts;
    expect(scripts.test).toMatch(/npm run test:electron$/);
  });

  it('builds each installer, checks its engine binary and keeps the installers as artifacts', () => {
    expect(matrix.map((entry) => entry.dist)).toEqual(['dist:linux', 'dist:win', 'dist:mac']);
    const commands = commandsOn('Linux');
    expect(commands).toContain('npm run ${{ matrix.dist }} -- --publish never');
    expect(commands).toContain('node scripts/packaged-engine.mjs "${{ matrix.resources }}"');
    expect(existsSync(join(root, 'scripts/packaged-engine.mjs'))).toBe(true);
    const upload = job.steps.find((step) => step.uses?.startsWith('actions/upload-artifact@'));
    for (const ext of ['msi', 'exe', 'dmg', 'AppImage', 'deb'])
      expect(upload?.with?.path).toContain(`dist/*.${ext}`);
    expect(upload?.with?.['if-no-files-found']).toBe('error');
  });

  it('starts the packaged app: the installed deb with the AppArmor restriction on, the Mac app, the MSI', () => {
    const linux = commandsOn('Linux');
    expect(linux).toContain('sudo sysctl -w kernel.apparmor_restrict_unprivileged_userns=1');
    expect(linux).toContain('test -f /etc/apparmor.d/stillroom');
    expect(linux).toContain('node scripts/smoke-packaged.mjs /opt/Stillroom/stillroom');
    expect(commandsOn('macOS')).toContain(
      'node scripts/smoke-packaged.mjs dist/mac-arm64/Stillroom.app/Contents/MacOS/Stillroom',
    );
    const windows = commandsOn('Windows');
    expect(windows).toMatch(/msiexec\.exe -ArgumentList '\/i', .*'\/qn'/);
    expect(windows).toContain('node scripts/smoke-packaged.mjs $exe');
    expect(windows).toMatch(/msiexec\.exe -ArgumentList '\/x', .*'\/qn'/);
    expect(windows.indexOf("'/i'")).toBeLessThan(windows.indexOf('smoke-packaged'));
    expect(windows.indexOf('smoke-packaged')).toBeLessThan(windows.indexOf("'/x'"));
    expect(existsSync(join(root, 'scripts/smoke-packaged.mjs'))).toBe(true);
  });
});
