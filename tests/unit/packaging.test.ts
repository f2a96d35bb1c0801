/**
 * The installer configuration (electron-builder.yml, build/), checked offline with electron-builder's
 * own parts: its YAML parser, its schema, its config validator and its file matcher (the same
 * minimatch patterns and default exclusions it applies when it fills app.asar). The matcher and
 * validator are app-builder-lib internals; electron-builder is pinned to 25.x in package.json, and
 * an upgrade that changes them fails here loudly rather than shipping the wrong files. Last, one
 * real electron-builder run packs a copy of the project offline around a stand-in Electron.
 */
import { execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
  type Dirent,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import Ajv from 'ajv';
import type { Configuration } from 'electron-builder';
import { afterAll, describe, expect, it } from 'vitest';
import {
  afterPack,
  electronBinaryPath,
  fuseConfig,
  fuseSettings,
  type FuseContext,
} from '../../build/fuses.mjs';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const rootRequire = createRequire(import.meta.url);
const builderRequire = createRequire(rootRequire.resolve('app-builder-lib/package.json'));

interface StatLike {
  isDirectory(): boolean;
}
type Filter = (file: string, stat: StatLike) => boolean;
interface Matcher {
  readonly patterns: string[];
  createFilter(): Filter;
}
interface PackagerInfo {
  projectDir: string;
  buildResourcesDir: string;
  config: Configuration;
  isPrepackedAppAsar: boolean;
  debugLogger: { isEnabled: boolean; add(key: string, value: unknown): void };
}
const builder = {
  yaml: builderRequire('js-yaml') as { load(text: string): unknown },
  config: builderRequire('./out/util/config/config') as {
    doMergeConfigs(configs: Configuration[]): Configuration;
    validateConfiguration(config: Configuration, debugLogger: PackagerInfo['debugLogger']): Promise<void>;
  },
  files: builderRequire('./out/fileMatcher') as {
    getMainFileMatchers(
      appDir: string,
      destination: string,
      macroExpander: (pattern: string) => string,
      platformSpecificBuildOptions: object,
      platformPackager: { info: PackagerInfo },
      outDir: string,
      isElectronCompile: boolean,
    ): Matcher[];
    getNodeModuleFileMatcher(
      appDir: string,
      destination: string,
      macroExpander: (pattern: string) => string,
      platformSpecificBuildOptions: object,
      packager: PackagerInfo,
    ): Matcher;
    getFileMatchers(
      config: Configuration,
      name: 'asarUnpack',
      defaultDestination: string,
      options: {
        macroExpander: (pattern: string) => string;
        customBuildOptions: object;
        globalOutDir: string;
        defaultSrc: string;
      },
    ): Matcher[] | null;
  },
  uuid: builderRequire('builder-util-runtime') as {
    UUID: { v5(name: string, namespace: Buffer): string; parse(uuid: string): Buffer };
  },
  asar: builderRequire('@electron/asar') as { listPackage(archive: string): string[] },
};

const FILE: StatLike = { isDirectory: () => false };
const DIR: StatLike = { isDirectory: () => true };
const noDebug: PackagerInfo['debugLogger'] = { isEnabled: false, add: () => undefined };
const identity = (pattern: string) => pattern;
const destination = join(root, 'dist', 'linux-unpacked', 'resources', 'app');

function readConfig(): Configuration {
  return builder.yaml.load(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as Configuration;
}

/** The config as electron-builder uses it after loading (file sets normalised). */
function normalised(config: Configuration): Configuration {
  return builder.config.doMergeConfigs([structuredClone(config)]);
}

function packagerInfo(config: Configuration): PackagerInfo {
  return {
    projectDir: root,
    buildResourcesDir: join(root, config.directories?.buildResources ?? 'build'),
    config,
    isPrepackedAppAsar: false,
    debugLogger: noDebug,
  };
}

/** True when a file and every folder above it pass the filter (electron-builder walks folders). */
function passes(filter: Filter, relativePath: string): boolean {
  const parts = relativePath.split('/');
  for (let i = 1; i < parts.length; i++) {
    if (!filter(join(root, ...parts.slice(0, i)), DIR)) return false;
  }
  return filter(join(root, ...parts), FILE);
}

/** The paths (relative, with /) that electron-builder's app file matcher would put in app.asar. */
function appFiles(config: Configuration, paths: readonly string[]): string[] {
  const info = packagerInfo(normalised(config));
  const matchers = builder.files.getMainFileMatchers(
    root,
    destination,
    identity,
    {},
    { info },
    join(root, info.config.directories?.output ?? 'dist'),
    false,
  );
  const filters = matchers.map((matcher) => matcher.createFilter());
  return paths.filter((path) => filters.some((filter) => passes(filter, path)));
}

function nodeModuleFilter(config: Configuration): Filter {
  const info = packagerInfo(normalised(config));
  return builder.files.getNodeModuleFileMatcher(root, destination, identity, {}, info).createFilter();
}

function asarUnpackFilter(config: Configuration): Filter {
  const matchers = builder.files.getFileMatchers(normalised(config), 'asarUnpack', destination, {
    macroExpander: identity,
    customBuildOptions: {},
    globalOutDir: join(root, 'dist'),
    defaultSrc: root,
  });
  expect(matchers).not.toBeNull();
  return matchers![0]!.createFilter();
}

const SKIPPED_DIRS = new Set(['.git', 'node_modules', 'out', 'dist', 'test-results', 'playwright-report']);

/** Every file in the working tree (relative, with /), skipping dependencies and generated output. */
function repositoryFiles(dir = root, prefix = ''): string[] {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return []; // a temporary folder another test removed meanwhile
  }
  return entries.flatMap((entry) => {
    const path = prefix + entry.name;
    if (entry.isDirectory()) {
      if (SKIPPED_DIRS.has(entry.name) || path === 'tests/tmp') return [];
      return repositoryFiles(join(dir, entry.name), `${path}/`);
    }
    return [path];
  });
}

/** What `npm run build` writes (listed, because unit tests run before the build on CI). */
const BUILT_FILES = [
  'out/main/index.js',
  'out/main/index.js.map',
  'out/preload/index.cjs',
  'out/preload/index.cjs.map',
  'out/renderer/index.html',
  'out/renderer/assets/index.js',
  'out/renderer/assets/index.css',
];

function targetsOf(target: unknown): { name: string; arch: string[] }[] {
  const list = Array.isArray(target) ? target : [target];
  return list.map((item: unknown) =>
    typeof item === 'string'
      ? { name: item, arch: [] }
      : {
          name: String((item as { target: string }).target),
          arch: [(item as { arch?: string | string[] }).arch ?? []].flat(),
        },
  );
}

function pngSize(path: string): { width: number; height: number } {
  const bytes = readFileSync(path);
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('electron-builder.yml against the schema', () => {
  const scheme = JSON.parse(readFileSync(builderRequire.resolve('./scheme.json'), 'utf8')) as object;
  const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
  // The schema marks hooks as functions with a custom keyword; honour it rather than ignore it.
  ajv.addKeyword({
    keyword: 'typeof',
    schemaType: 'string',
    validate: (type: string, data: unknown) => typeof data === type,
  });
  const validate = ajv.compile(scheme);

  it('is valid for the installed electron-builder', () => {
    const valid = validate(readConfig());
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it.each([
    ['a wrong type', { msi: { perMachine: 'yes' } }, '/msi/perMachine'],
    ['a misspelt key', { win: { targets: ['msi'] } }, '/win'],
    ['an option this version does not have', { electronFuses: { runAsNode: false } }, ''],
  ])('rejects %s', (_name, change, path) => {
    expect(validate({ ...readConfig(), ...change })).toBe(false);
    expect(validate.errors?.map((error) => error.instancePath)).toContain(path);
  });

  it("passes electron-builder's own validation, which rejects a broken config", async () => {
    await expect(
      builder.config.validateConfiguration(normalised(readConfig()), noDebug),
    ).resolves.toBeUndefined();
    const broken = { ...readConfig(), nsis: { oneClick: 'no' } } as unknown as Configuration;
    await expect(builder.config.validateConfiguration(normalised(broken), noDebug)).rejects.toThrow(
      /oneClick/,
    );
  });
});

describe('installer settings', () => {
  const config = readConfig();

  it('names the app and writes installers to dist/', () => {
    expect(config.appId).toBe('org.stillroom.app');
    // Windows notifications need the running app's AppUserModelID to match the shortcut's.
    const shell = readFileSync(join(root, 'src-main', 'shell', 'main.ts'), 'utf8');
    expect(shell).toContain(`const APP_USER_MODEL_ID = '${config.appId}';`);
    expect(config.productName).toBe('Stillroom');
    expect(config.directories?.output).toBe('dist');
  });

  it('builds MSI and NSIS for Windows, DMG for both Mac architectures, AppImage and deb for Linux', () => {
    expect(targetsOf(config.win?.target).map((t) => t.name)).toEqual(['msi', 'nsis']);
    const mac = targetsOf(config.mac?.target);
    expect(mac.map((t) => t.name)).toEqual(['dmg']);
    expect(mac[0]?.arch).toEqual(['x64', 'arm64']);
    expect(targetsOf(config.linux?.target).map((t) => t.name)).toEqual(['AppImage', 'deb']);
  });

  it('makes the MSI a per-machine, quiet, upgradeable package with a Start menu shortcut', () => {
    expect(config.msi).toMatchObject({
      perMachine: true,
      createStartMenuShortcut: true,
      createDesktopShortcut: false,
      shortcutName: 'Stillroom',
      runAfterFinish: false,
      artifactName: '${productName}-${version}.${ext}',
    });
    // Pinned to the code electron-builder derives from the appId, so installed copies upgrade.
    const { UUID } = builder.uuid;
    const derived = UUID.v5(config.appId!, UUID.parse('d752fe43-5d44-44d5-9fc9-6dd1bf19d5cc')).toUpperCase();
    expect(config.msi?.upgradeCode).toBe(derived);
  });

  it('never deletes the data folder on uninstall', () => {
    expect(config.nsis?.deleteAppDataOnUninstall).toBe(false);
  });

  it('signs macOS with the hardened runtime and only the JIT entitlement', () => {
    const mac = config.mac!;
    expect(mac.hardenedRuntime).toBe(true);
    expect(mac.gatekeeperAssess).toBe(false);
    expect(mac.category).toMatch(/^public\.app-category\.(productivity|healthcare-fitness)$/);
    expect(mac.entitlements).toBe('build/entitlements.mac.plist');
    expect(mac.entitlementsInherit).toBe('build/entitlements.mac.plist');
    const plist = readFileSync(join(root, mac.entitlements!), 'utf8').replace(/<!--[\s\S]*?-->/g, '');
    const keys = [...plist.matchAll(/<key>([^<]+)<\/key>\s*<true\s*\/>/g)].map((match) => match[1]);
    expect(keys).toEqual(['com.apple.security.cs.allow-jit']);
    expect(plist.match(/<key>/g)).toHaveLength(1);
  });

  it('keeps signing and notarisation credentials out of the file', () => {
    expect(config.mac?.notarize).toBe(true); // credentials come from APPLE_* environment variables
    const text = readFileSync(join(root, 'electron-builder.yml'), 'utf8');
    expect(text).not.toMatch(
      /^\s*(cscLink|cscKeyPassword|certificatePassword|certificateFile|appleId|appleIdPassword|teamId)\s*:/im,
    );
  });

  it('claims no file type: shared files are plain .age files, opened from the coach view', () => {
    expect(config.fileAssociations).toBeUndefined();
  });

  it('has a 1024 px icon and a Linux icon set whose sizes match their names', () => {
    expect(config.icon).toBe('build/icon.png');
    expect(pngSize(join(root, 'build/icon.png'))).toEqual({ width: 1024, height: 1024 });
    const set = readdirSync(join(root, 'build/icons'));
    expect(set).toContain('512x512.png');
    for (const name of set) {
      const [width, height] = name
        .replace(/\.png$/, '')
        .split('x')
        .map(Number);
      expect(pngSize(join(root, 'build/icons', name))).toEqual({ width, height });
    }
  });
});

describe('what goes into app.asar', () => {
  const config = readConfig();
  const repository = repositoryFiles();
  const candidates = [...new Set([...repository, ...BUILT_FILES])];
  const packaged = appFiles(config, candidates);

  it('looks at the real repository', () => {
    for (const path of [
      'src-main/host/server.ts',
      'src-main/shell/main.ts',
      'tests/unit/packaging.test.ts',
    ]) {
      expect(repository).toContain(path);
    }
    for (const path of ['scripts/start.mjs', 'build/fuses.mjs', 'content/crisis/gb.json', 'package.json']) {
      expect(repository).toContain(path);
    }
  });

  it('includes the built app, its content and package.json', () => {
    expect(packaged).toEqual(
      expect.arrayContaining([
        'out/main/index.js',
        'out/preload/index.cjs',
        'out/renderer/index.html',
        'out/renderer/assets/index.js',
        'content/crisis/gb.json',
        'package.json',
      ]),
    );
  });

  it('includes nothing else: no sources, host, tests, scripts, build resources or source maps', () => {
    const unexpected = packaged.filter(
      (path) => !/^(out\/(main|preload|renderer)\/|content\/)/.test(path) && path !== 'package.json',
    );
    expect(unexpected).toEqual([]);
    const leaked = packaged.filter((path) =>
      /^(src-main|src-renderer|tests|scripts|docs|build|\.ci)\/|\.map$|^electron-builder\.yml$/.test(path),
    );
    expect(leaked).toEqual([]);
  });

  it('would show a leak: the same matcher with a catch-all pattern lets the host and tests in', () => {
    const leaky = appFiles({ ...config, files: ['**/*'] }, candidates);
    expect(leaky).toContain('src-main/host/server.ts');
    expect(leaky).toContain('tests/unit/packaging.test.ts');
    const withMaps = appFiles(
      { ...config, files: (config.files as string[]).filter((p) => p !== '!**/*.map') },
      candidates,
    );
    expect(withMaps).toContain('out/main/index.js.map');
  });

  it('keeps its explicit exclusions working even under a catch-all include', () => {
    const exclusions = (config.files as string[]).filter((pattern) => pattern.startsWith('!'));
    const broad = appFiles({ ...config, files: ['**/*', ...exclusions] }, candidates);
    expect(broad).toContain('out/main/index.js');
    const leaked = broad.filter((path) => /^(src-main|src-renderer|tests|scripts|docs)\/|\.map$/.test(path));
    expect(leaked).toEqual([]);
  });

  it('keeps the compiled native module and drops its sources and build leftovers', () => {
    const filter = nodeModuleFilter(config);
    const pkg = 'node_modules/better-sqlite3-multiple-ciphers';
    for (const path of [
      `${pkg}/lib/index.js`,
      `${pkg}/build/Release/better_sqlite3.node`,
      'node_modules/zod/index.js',
    ]) {
      expect(passes(filter, path), path).toBe(true);
    }
    for (const path of [
      `${pkg}/deps/sqlite3/sqlite3.c`,
      `${pkg}/src/better_sqlite3.cpp`,
      `${pkg}/build/Release/obj/gen/sqlite3.o`,
      `${pkg}/build/Release/test_extension.node`,
      'node_modules/zod/index.js.map',
    ]) {
      expect(passes(filter, path), path).toBe(false);
    }
  });

  it('unpacks native code from the archive, and only that', () => {
    expect(config.asar).toBe(true);
    expect(config.npmRebuild).toBe(true);
    const unpack = asarUnpackFilter(config);
    const node = join(root, 'node_modules/better-sqlite3-multiple-ciphers/build/Release/better_sqlite3.node');
    expect(unpack(node, FILE)).toBe(true);
    expect(unpack(join(root, 'out/main/index.js'), FILE)).toBe(false);
    expect(unpack(join(root, 'node_modules/better-sqlite3-multiple-ciphers/lib/index.js'), FILE)).toBe(false);
    expect(asarUnpackFilter({ ...config, asarUnpack: ['out/**/*'] })(node, FILE)).toBe(false);
  });
});

const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'; // marks the fuse wire in every Electron binary
const ELECTRON_DEFAULTS = '101100011'; // Electron's shipped states: RunAsNode on, cookie encryption off, …
// RunAsNode 0, cookies 1, NODE_OPTIONS 0, --inspect 0, integrity 1, asar only 1,
// V8 snapshot untouched (0), file:// privileges 0, a newer fuse untouched (1).
const FLIPPED = '010011001';

/** A stand-in for an Electron binary: just the fuse wire, where @electron/fuses looks for it. */
function fakeElectron(path: string, wire = ELECTRON_DEFAULTS): void {
  mkdirSync(dirname(path), { recursive: true });
  const header = Buffer.from([1, wire.length]); // fuse wire version 1, then its length
  writeFileSync(
    path,
    Buffer.concat([Buffer.from('ELF…code…'), Buffer.from(SENTINEL), header, Buffer.from(wire)]),
  );
}

async function wireOf(path: string): Promise<string> {
  const wire = (await getCurrentFuseWire(path)) as unknown as Record<string, number | string>;
  return Object.keys(wire)
    .filter((key) => key !== 'version')
    .map((key) => String.fromCharCode(Number(wire[key])))
    .join('');
}

describe('Electron fuses (build/fuses.mjs)', () => {
  const temp = mkdtempSync(join(tmpdir(), 'stillroom-fuses-'));
  afterAll(() => rmSync(temp, { recursive: true, force: true }));

  function context(platform: 'linux' | 'win32' | 'darwin', arch = 1): FuseContext {
    return {
      appOutDir: join(temp, platform),
      electronPlatformName: platform,
      arch,
      packager: { appInfo: { productFilename: 'Stillroom' }, executableName: 'stillroom' },
    };
  }

  it('turns off Node escape hatches and file:// privileges, turns on asar-only, integrity and cookie encryption', () => {
    expect(fuseSettings).toEqual({
      RunAsNode: false,
      EnableCookieEncryption: true,
      EnableNodeOptionsEnvironmentVariable: false,
      EnableNodeCliInspectArguments: false,
      EnableEmbeddedAsarIntegrityValidation: true,
      OnlyLoadAppFromAsar: true,
      GrantFileProtocolExtraPrivileges: false,
    });
    const config = fuseConfig(context('linux')) as unknown as Record<number, boolean | undefined>;
    expect(config[FuseV1Options.RunAsNode]).toBe(false);
    expect(config[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(true);
    expect(config[FuseV1Options.OnlyLoadAppFromAsar]).toBe(true);
    expect(config[FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]).toBeUndefined();
  });

  it('is the afterPack hook of electron-builder.yml', () => {
    expect(readConfig().afterPack).toBe('build/fuses.mjs');
  });

  it('finds the binary electron-builder packaged on each platform', () => {
    expect(electronBinaryPath(context('linux'))).toBe(join(temp, 'linux', 'stillroom'));
    expect(electronBinaryPath(context('win32'))).toBe(join(temp, 'win32', 'Stillroom.exe'));
    expect(electronBinaryPath(context('darwin'))).toBe(join(temp, 'darwin', 'Stillroom.app'));
  });

  it('re-signs ad hoc only for Apple silicon, where an unsigned changed binary would not start', () => {
    expect(fuseConfig(context('darwin', 3)).resetAdHocDarwinSignature).toBe(true);
    expect(fuseConfig(context('darwin', 1)).resetAdHocDarwinSignature).toBe(false);
    expect(fuseConfig(context('win32', 3)).resetAdHocDarwinSignature).toBe(false);
  });

  it.each([
    ['linux', 'stillroom'],
    ['win32', 'Stillroom.exe'],
    ['darwin', 'Stillroom.app/Contents/Frameworks/Electron Framework.framework/Electron Framework'],
  ] as const)('flips the fuse wire in a %s build', async (platform, binary) => {
    fakeElectron(join(temp, platform, binary));
    const app = electronBinaryPath(context(platform));
    expect(await wireOf(app)).toBe(ELECTRON_DEFAULTS);
    await afterPack(context(platform));
    expect(await wireOf(app)).toBe(FLIPPED);
  });

  it('fails the build when the binary has no fuse wire', async () => {
    const path = join(temp, 'broken', 'stillroom');
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, 'not an Electron binary');
    await expect(afterPack({ ...context('linux'), appOutDir: dirname(path) })).rejects.toThrow(/sentinel/);
  });
});

describe('a real electron-builder run, offline, with a stand-in Electron', () => {
  // electron-builder itself packs a copy of the project (built files stubbed, decoys added) for
  // Linux as a plain folder, from a fake Electron with a fuse wire: no download, no native rebuild
  // (npmRebuild off, so node_modules is only read), and the installers are not made.
  const temp = mkdtempSync(join(tmpdir(), 'stillroom-pack-'));
  afterAll(() => rmSync(temp, { recursive: true, force: true }));
  const project = join(temp, 'project');
  const output = join(temp, 'dist');
  const app = join(output, 'linux-unpacked');
  const decoys = [
    'src-main/host/server.ts',
    'tests/unit/x.test.ts',
    'scripts/start.mjs',
    'docs/example-policy.json',
  ];

  function pack(): void {
    mkdirSync(project, { recursive: true });
    for (const path of ['package.json', 'electron-builder.yml', 'build', 'content']) {
      cpSync(join(root, path), join(project, path), { recursive: true });
    }
    symlinkSync(join(root, 'node_modules'), join(project, 'node_modules'), 'junction');
    for (const path of [...BUILT_FILES, ...decoys]) {
      mkdirSync(dirname(join(project, path)), { recursive: true });
      writeFileSync(join(project, path), `// ${path}\n`);
    }
    const electron = join(temp, 'electron');
    fakeElectron(join(electron, 'electron'));
    writeFileSync(join(electron, 'LICENSE'), 'stand-in');
    const electronVersion = (
      JSON.parse(readFileSync(rootRequire.resolve('electron/package.json'), 'utf8')) as { version: string }
    ).version;
    execFileSync(
      process.execPath,
      [
        rootRequire.resolve('electron-builder/cli.js'),
        '--linux',
        '--x64',
        '--dir',
        '-c.npmRebuild=false',
        `-c.directories.output=${output}`,
        `-c.electronDist=${electron}`,
        `-c.electronVersion=${electronVersion}`,
      ],
      { cwd: project, env: { ...process.env, NO_UPDATE_NOTIFIER: '1' }, stdio: 'pipe' },
    );
  }

  it(
    'packs the app, its production dependencies and nothing else, and flips the fuses',
    { timeout: 120_000 },
    async () => {
      pack();
      const archive = builder.asar
        .listPackage(join(app, 'resources', 'app.asar'))
        .map((path) => path.replace(/^[\\/]/, '').replace(/\\/g, '/'));
      const own = archive.filter((path) => !path.startsWith('node_modules'));
      expect(own).toEqual(
        expect.arrayContaining([
          'package.json',
          'out/main/index.js',
          'out/preload/index.cjs',
          'out/renderer/index.html',
          'content/crisis/gb.json',
        ]),
      );
      expect(own.filter((path) => !/^(out|content)(\/|$)/.test(path) && path !== 'package.json')).toEqual([]);
      expect(own.filter((path) => path.endsWith('.map'))).toEqual([]);

      const modules = new Set(
        archive.filter((path) => path.startsWith('node_modules/')).map((path) => path.split('/')[1]),
      );
      expect([...modules]).toEqual(
        expect.arrayContaining(['better-sqlite3-multiple-ciphers', 'zod', 'electron-store']),
      );
      for (const devOnly of ['electron', 'electron-builder', 'vitest', 'typescript'])
        expect(modules).not.toContain(devOnly);
      expect(archive.filter((path) => /better-sqlite3-multiple-ciphers\/(deps|src)\//.test(path))).toEqual(
        [],
      );

      const nativeModule = 'node_modules/better-sqlite3-multiple-ciphers/build/Release/better_sqlite3.node';
      expect(existsSync(join(app, 'resources', 'app.asar.unpacked', nativeModule))).toBe(true);
      expect(await wireOf(join(app, 'stillroom'))).toBe(FLIPPED);
    },
  );
});
