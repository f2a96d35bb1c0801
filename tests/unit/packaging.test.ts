/**
 * The installer configuration (electron-builder.yml, build/), checked offline with electron-builder's
 * own parts: its YAML parser, its schema, its config validator and its file matcher (the same
 * minimatch patterns and default exclusions it applies when it fills app.asar). The matcher and
 * validator are app-builder-lib internals; electron-builder is pinned to 26.x in package.json, and
 * an upgrade that changes them fails here loudly rather than shipping the wrong files. Last, one
 * real electron-builder run packs a copy of the project offline around a stand-in Electron, and
 * proves the one engine binary the tests load under Node is the file the packaged app unpacks.
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
  realpathSync,
  symlinkSync,
  writeFileSync,
  type Dirent,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, posix, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import Ajv from 'ajv';
import type EngineModule from 'better-sqlite3-multiple-ciphers';
import type { Configuration } from 'electron-builder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPackagedEngine, loadedEngine, sha256 } from '../../scripts/packaged-engine.mjs';
import { readSources, valueImportsOf } from '../helpers/layering';

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
  asar: builderRequire('@electron/asar') as {
    listPackage(archive: string, options: { isPack: boolean }): string[];
    statFile(archive: string, path: string): object;
  },
  packager: builderRequire('app-builder-lib') as {
    PlatformPackager: { prototype: { generateFuseConfig(fuses: object): Promise<object> } };
  },
  macros: builderRequire('./out/util/macroExpander') as {
    expandMacro(pattern: string, arch: string | null, appInfo: object, extra: object): string;
  },
};

const Engine = rootRequire('better-sqlite3-multiple-ciphers') as typeof EngineModule;
const PREBUILD_DIR = 'node_modules/better-sqlite3-multiple-ciphers/prebuilds';
/** The engine's prebuilt binaries as its npm package ships them, one per platform and arch. */
const PREBUILDS = readdirSync(join(root, PREBUILD_DIR))
  .sort()
  .map((name) => `${PREBUILD_DIR}/${name}`);
const hasNm = (() => {
  try {
    execFileSync('nm', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/** Every file under a folder, relative, with /. */
function filesUnder(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as Dirent[])
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'));
}

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

/**
 * True when a file and every folder above it pass the filter (electron-builder walks folders; the
 * top node_modules folder itself is walked separately, so it is not asked about).
 */
function passes(filter: Filter, relativePath: string): boolean {
  const parts = relativePath.split('/');
  for (let i = 1; i < parts.length; i++) {
    const folder = parts.slice(0, i);
    if (folder.join('/') === 'node_modules') continue;
    if (!filter(join(root, ...folder), DIR)) return false;
  }
  return filter(join(root, ...parts), FILE);
}

/** The paths (relative, with /) that electron-builder's app file matcher would put in app.asar. */
function appFiles(config: Configuration, paths: readonly string[], platformOptions: object = {}): string[] {
  const info = packagerInfo(normalised(config));
  const matchers = builder.files.getMainFileMatchers(
    root,
    destination,
    identity,
    platformOptions,
    { info },
    join(root, info.config.directories?.output ?? 'dist'),
    false,
  );
  const filters = matchers.map((matcher) => matcher.createFilter());
  return paths.filter((path) => filters.some((filter) => passes(filter, path)));
}

/**
 * electron-builder's node_modules filter when packing one architecture on one platform (its
 * \${platform} macro is the platform it runs on, so that is stood in for the call).
 */
function nodeModuleFilter(config: Configuration, platform: NodeJS.Platform, arch: string): Filter {
  const info = packagerInfo(normalised(config));
  const appInfo = { productName: 'Stillroom', sanitizedProductName: 'Stillroom' };
  const real = Object.getOwnPropertyDescriptor(process, 'platform')!;
  Object.defineProperty(process, 'platform', { ...real, value: platform });
  try {
    const expand = (pattern: string) => builder.macros.expandMacro(pattern, arch, appInfo, {});
    return builder.files.getNodeModuleFileMatcher(root, destination, expand, {}, info).createFilter();
  } finally {
    Object.defineProperty(process, 'platform', real);
  }
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
    [
      'a fuse this version does not know',
      { electronFuses: { runAsNode: false, runAsRoot: false } },
      '/electronFuses',
    ],
    ['a misspelt AppArmor option', { deb: { appArmor: 'build/apparmor-profile.tpl' } }, '/deb'],
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

  it('gives the deb an AppArmor profile for the installed binary (Ubuntu 24.04+ aborts without one)', () => {
    expect(config.deb?.appArmorProfile).toBe('build/apparmor-profile.tpl');
    const profile = readFileSync(join(root, 'build/apparmor-profile.tpl'), 'utf8');
    expect(profile).toMatch(/^abi <abi\/4\.0>,$/m);
    expect(profile).toContain(
      'profile "${executable}" "/opt/${sanitizedProductName}/${executable}" flags=(unconfined) {',
    );
    expect(profile).toMatch(/^\s*userns,$/m);
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
    for (const path of [
      'scripts/start.mjs',
      'build/apparmor-profile.tpl',
      'content/crisis/gb.json',
      'package.json',
    ]) {
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

  it('keeps the engine, drops its sources, build leftovers and node-addon-api', () => {
    const filter = nodeModuleFilter(config, 'linux', 'x64');
    const pkg = 'node_modules/better-sqlite3-multiple-ciphers';
    for (const path of [
      `${pkg}/lib/index.js`,
      `${pkg}/lib/binding.js`,
      `${pkg}/prebuilds/linux-x64.node`,
      'node_modules/zod/index.js',
    ]) {
      expect(passes(filter, path), path).toBe(true);
    }
    for (const path of [
      `${pkg}/deps/sqlite3/sqlite3.c`,
      `${pkg}/src/better_sqlite3.cpp`,
      `${pkg}/binding.gyp`,
      `${pkg}/build/Makefile`,
      `${pkg}/build/Release/obj.target/better_sqlite3.stamp`,
      `${pkg}/build/Release/libsqlite3.a`,
      'node_modules/node-addon-api/napi.h',
      'node_modules/zod/index.js.map',
    ]) {
      expect(passes(filter, path), path).toBe(false);
    }
  });

  it.each(['linux', 'darwin', 'win32'] as const)(
    'ships only its own prebuild in an installer built on %s, for each architecture',
    (platform) => {
      for (const arch of ['x64', 'arm64']) {
        const filter = nodeModuleFilter(config, platform, arch);
        expect(PREBUILDS.filter((path) => passes(filter, path))).toEqual([
          `${PREBUILD_DIR}/${platform}-${arch}.node`,
        ]);
      }
    },
  );

  it('would ship all eight prebuilds without that filter', () => {
    const files = (config.files as string[]).filter((pattern) => !pattern.includes('/prebuilds/'));
    const filter = nodeModuleFilter({ ...config, files }, 'linux', 'x64');
    expect(PREBUILDS.filter((path) => passes(filter, path))).toEqual(PREBUILDS);
  });

  it('keeps the app list when a platform section is present (a per-platform `files` list would not)', () => {
    for (const key of ['linux', 'mac', 'win'] as const) {
      expect(appFiles(config, candidates, config[key]!)).toEqual(packaged);
    }
    const leaky = appFiles(config, candidates, { files: [`!${PREBUILD_DIR}/darwin-x64.node`] });
    expect(leaky).toContain('src-main/host/server.ts');
  });

  it('unpacks native code from the archive, and only that; nothing is rebuilt', () => {
    expect(config.asar).toBe(true);
    expect(config.npmRebuild).toBe(false);
    const unpack = asarUnpackFilter(config);
    const node = join(root, PREBUILD_DIR, 'linux-x64.node');
    expect(unpack(node, FILE)).toBe(true);
    expect(unpack(join(root, 'out/main/index.js'), FILE)).toBe(false);
    expect(unpack(join(root, 'node_modules/better-sqlite3-multiple-ciphers/lib/index.js'), FILE)).toBe(false);
    expect(asarUnpackFilter({ ...config, asarUnpack: ['out/**/*'] })(node, FILE)).toBe(false);
  });
});

describe('what the Electron app imports', () => {
  const sources = new Map(readSources(root, ['src-main']).map((file) => [file.path, file.source]));

  /** Every package the value imports reachable from an entry point load (type imports are erased). */
  function packagesReachedFrom(entry: string): Set<string> {
    const packages = new Set<string>();
    const seen = new Set<string>();
    const visit = (path: string) => {
      if (seen.has(path)) return;
      seen.add(path);
      for (const specifier of valueImportsOf(sources.get(path) ?? '')) {
        if (!specifier.startsWith('.')) {
          packages.add(
            specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!,
          );
          continue;
        }
        const base = posix.normalize(posix.join(posix.dirname(path), specifier)).replace(/\.js$/, '');
        const target = [`${base}.ts`, `${base}.tsx`, `${base}/index.ts`, base].find((file) =>
          sources.has(file),
        );
        if (target) visit(target);
      }
    };
    visit(entry);
    return packages;
  }

  it('never loads node-notifier (the browser host has it; electron-builder leaves it out)', () => {
    const shell = packagesReachedFrom('src-main/shell/main.ts');
    expect(shell).toContain('better-sqlite3-multiple-ciphers'); // the walk does reach the vault
    expect(shell).not.toContain('node-notifier');
    expect(packagesReachedFrom('src-main/host/main.ts')).toContain('node-notifier');
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
      devDependencies: Record<string, string>;
    };
    expect(Object.keys(pkg.dependencies)).not.toContain('node-notifier');
    expect(Object.keys(pkg.devDependencies)).toContain('node-notifier');
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

describe("Electron fuses (electron-builder's electronFuses)", () => {
  it('turns off Node escape hatches and file:// privileges, turns on asar-only, integrity and cookie encryption', async () => {
    const config = readConfig();
    expect(config.afterPack).toBeUndefined(); // no second, hand-written fuse step
    // electron-builder's own translation into @electron/fuses' options, as it flips them.
    const fuses = (await builder.packager.PlatformPackager.prototype.generateFuseConfig(
      config.electronFuses!,
    )) as Record<number | string, unknown>;
    expect(fuses[FuseV1Options.RunAsNode]).toBe(false);
    expect(fuses[FuseV1Options.EnableCookieEncryption]).toBe(true);
    expect(fuses[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(false);
    expect(fuses[FuseV1Options.EnableNodeCliInspectArguments]).toBe(false);
    expect(fuses[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(true);
    expect(fuses[FuseV1Options.OnlyLoadAppFromAsar]).toBe(true);
    expect(fuses[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(false);
    expect(fuses[FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]).toBeUndefined();
    // Unsigned builds (CI, no Developer ID) must still start on Apple silicon after the flip.
    expect(fuses.resetAdHocDarwinSignature).toBe(true);
  });
});

const linuxOnly = process.platform === 'linux';
if (!linuxOnly) {
  console.log(
    'packaging.test.ts: the offline electron-builder run packs for Linux and runs on Linux only; on this system CI checks the real installer instead (scripts/packaged-engine.mjs).',
  );
}

describe.runIf(linuxOnly)(
  'a real electron-builder run, offline, with a stand-in Electron and a stand-in fpm',
  () => {
    // electron-builder itself packs a copy of the project (built files stubbed, decoys added) for
    // Linux: a deb for this machine's architecture, whose last step (fpm, a download) is a stand-in
    // that records what it was given, and a plain folder for the other architecture. The Electron is
    // a fake with a fuse wire: no download, no native rebuild (npmRebuild off: node_modules is only
    // read), and the engine's prebuilds are the real files from node_modules.
    const temp = mkdtempSync(join(tmpdir(), 'stillroom-pack-'));
    afterAll(() => rmSync(temp, { recursive: true, force: true }));
    const project = join(temp, 'project');
    const output = join(temp, 'dist');
    const hostArch = process.arch === 'arm64' ? 'arm64' : 'x64';
    const otherArch = hostArch === 'x64' ? 'arm64' : 'x64';
    const appDir = (arch: string) =>
      join(output, arch === 'x64' ? 'linux-unpacked' : `linux-${arch}-unpacked`);
    const fpmRecord = join(temp, 'fpm.json');
    const decoys = [
      'src-main/host/server.ts',
      'tests/unit/x.test.ts',
      'scripts/start.mjs',
      'docs/example-policy.json',
    ];

    function electronBuilder(args: string[], env: NodeJS.ProcessEnv = {}): void {
      const electronVersion = (
        JSON.parse(readFileSync(rootRequire.resolve('electron/package.json'), 'utf8')) as { version: string }
      ).version;
      execFileSync(
        process.execPath,
        [
          rootRequire.resolve('electron-builder/cli.js'),
          ...args,
          `-c.directories.output=${output}`,
          `-c.electronDist=${join(temp, 'electron')}`,
          `-c.electronVersion=${electronVersion}`,
        ],
        { cwd: project, env: { ...process.env, NO_UPDATE_NOTIFIER: '1', ...env }, stdio: 'pipe' },
      );
    }

    beforeAll(() => {
      mkdirSync(project, { recursive: true });
      for (const path of ['package.json', 'electron-builder.yml', 'build', 'content']) {
        cpSync(join(root, path), join(project, path), { recursive: true });
      }
      symlinkSync(join(root, 'node_modules'), join(project, 'node_modules'), 'junction');
      for (const path of [...BUILT_FILES, ...decoys]) {
        mkdirSync(dirname(join(project, path)), { recursive: true });
        writeFileSync(join(project, path), `// ${path}\n`);
      }
      fakeElectron(join(temp, 'electron', 'electron'));
      writeFileSync(join(temp, 'electron', 'LICENSE'), 'stand-in');
      // The stand-in fpm keeps its arguments and the after-install script, and writes the package.
      const fpm = join(temp, 'fpm');
      writeFileSync(
        fpm,
        [
          `#!${process.execPath}`,
          "const fs = require('node:fs');",
          'const args = process.argv.slice(2);',
          "const afterInstall = fs.readFileSync(args[args.indexOf('--after-install') + 1], 'utf8');",
          `fs.writeFileSync(${JSON.stringify(fpmRecord)}, JSON.stringify({ args, afterInstall }));`,
          "fs.writeFileSync(args[args.indexOf('--package') + 1], 'stand-in deb');",
        ].join('\n'),
        { mode: 0o755 },
      );
      electronBuilder(['--linux', 'deb', `--${hostArch}`], { CUSTOM_FPM_PATH: fpm });
      electronBuilder(['--linux', 'dir', `--${otherArch}`]);
    }, 180_000);

    /** Every path in app.asar (relative, with /), and whether electron-builder marked it unpacked. */
    function archiveOf(arch: string): { path: string; unpacked: boolean }[] {
      const archive = join(appDir(arch), 'resources', 'app.asar');
      return builder.asar.listPackage(archive, { isPack: false }).map((entry) => {
        const path = entry.replace(/^[\\/]/, '').replace(/\\/g, '/');
        return {
          path,
          unpacked: Boolean((builder.asar.statFile(archive, path) as { unpacked?: boolean }).unpacked),
        };
      });
    }

    function unpackedFiles(arch: string): string[] {
      const dir = join(appDir(arch), 'resources', 'app.asar.unpacked');
      return existsSync(dir) ? filesUnder(dir) : [];
    }

    it('packs the app, its production dependencies and nothing else', () => {
      const archive = archiveOf(hostArch).map((entry) => entry.path);
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
    });

    it.each(['host', 'other'] as const)(
      'ships exactly one engine binary, for the target, unpacked from app.asar (%s architecture)',
      (which) => {
        const arch = which === 'host' ? hostArch : otherArch;
        const expected = `${PREBUILD_DIR}/linux-${arch}.node`;
        const nativeInArchive = archiveOf(arch).filter((entry) => entry.path.endsWith('.node'));
        expect(nativeInArchive).toEqual([{ path: expected, unpacked: true }]);
        expect(unpackedFiles(arch).filter((path) => path.endsWith('.node'))).toEqual([expected]);
        // The very file from node_modules, not a rebuild of it.
        expect(sha256(join(appDir(arch), 'resources', 'app.asar.unpacked', expected))).toBe(
          sha256(join(root, expected)),
        );
      },
    );

    it('leaves out node-notifier and its helper programs, the engine sources and every *.a', () => {
      for (const arch of [hostArch, otherArch]) {
        const everything = [...archiveOf(arch).map((entry) => entry.path), ...unpackedFiles(arch)];
        expect(
          everything.filter((path) => /^node_modules\/(node-notifier|growly|shellwords)(\/|$)/.test(path)),
        ).toEqual([]);
        expect(
          everything.filter((path) => /\/(vendor\/)?(snoreToast|terminal-notifier|notifu)/i.test(path)),
        ).toEqual([]);
        expect(everything.filter((path) => /^node_modules\/node-addon-api(\/|$)/.test(path))).toEqual([]);
        expect(
          everything.filter((path) =>
            /better-sqlite3-multiple-ciphers\/(deps|src|build)(\/|$)|binding\.gyp$|\.(a|o|obj|cc|cpp|c|h)$/.test(
              path,
            ),
          ),
        ).toEqual([]);
      }
    });

    it('flips the fuses in the packaged binary', async () => {
      expect(await wireOf(join(appDir(hostArch), 'stillroom'))).toBe(FLIPPED);
      expect(await wireOf(join(appDir(otherArch), 'stillroom'))).toBe(FLIPPED);
      expect(await wireOf(join(temp, 'electron', 'electron'))).toBe(ELECTRON_DEFAULTS); // the source is untouched
    });

    it('puts the AppArmor profile in the deb and installs it from the after-install script', () => {
      const { args, afterInstall } = JSON.parse(readFileSync(fpmRecord, 'utf8')) as {
        args: string[];
        afterInstall: string;
      };
      expect(args.slice(args.indexOf('-t'), args.indexOf('-t') + 2)).toEqual(['-t', 'deb']);
      expect(args).toContain(`${appDir(hostArch)}/=/opt/Stillroom`);
      const profile = readFileSync(join(appDir(hostArch), 'resources', 'apparmor-profile'), 'utf8');
      expect(profile).toMatch(/^abi <abi\/4\.0>,$/m);
      expect(profile).toContain('profile "stillroom" "/opt/Stillroom/stillroom" flags=(unconfined) {');
      expect(profile).toMatch(/^\s*userns,$/m);
      expect(profile).not.toContain('${');
      expect(afterInstall).toContain("APPARMOR_PROFILE_SOURCE='/opt/Stillroom/resources/apparmor-profile'");
      expect(afterInstall).toContain("APPARMOR_PROFILE_TARGET='/etc/apparmor.d/stillroom'");
      expect(afterInstall).toContain('apparmor_parser --replace');
    });

    describe('one engine binary for Node and the packaged app', () => {
      const dir = mkdtempSync(join(tmpdir(), 'stillroom-engine-'));
      afterAll(() => rmSync(dir, { recursive: true, force: true }));

      function open(path: string, hexKey: string) {
        const db = new Engine(path);
        db.pragma(`cipher = 'chacha20'`);
        db.pragma(`key = "x'${hexKey}'"`);
        return db;
      }

      it("opens a real encrypted database under the test runner's Node, with the prebuild", () => {
        const path = join(dir, 'vault.db');
        const db = open(path, 'ab'.repeat(32));
        db.exec("CREATE TABLE diary (text TEXT); INSERT INTO diary VALUES ('a quiet morning');");
        db.close();
        expect(readFileSync(path).includes('a quiet morning')).toBe(false);
        const wrong = open(path, 'cd'.repeat(32));
        expect(() => wrong.prepare('SELECT text FROM diary').get()).toThrow(
          expect.objectContaining({ code: 'SQLITE_NOTADB' }),
        );
        wrong.close();
        const right = open(path, 'ab'.repeat(32));
        expect(right.prepare('SELECT text FROM diary').get()).toEqual({ text: 'a quiet morning' });
        right.close();
        // What the dynamic linker loaded into this process: the prebuild, not a compiled copy.
        expect(loadedEngine()).toBe(realpathSync(join(root, PREBUILD_DIR, `linux-${hostArch}.node`)));
      });

      it('is byte for byte the file the packaged app unpacks (the check CI runs on each installer)', () => {
        const resources = join(appDir(hostArch), 'resources');
        expect(checkPackagedEngine(resources)).toEqual([]);
        const packaged = join(resources, 'app.asar.unpacked', PREBUILD_DIR, `linux-${hostArch}.node`);
        expect(sha256(packaged)).toBe(sha256(loadedEngine()));
        // The check fails on the other architecture's app, which carries a different file.
        expect(checkPackagedEngine(join(appDir(otherArch), 'resources'))).toEqual([
          expect.stringContaining(
            `prebuilds/linux-${hostArch}.node, but has: ${PREBUILD_DIR}/linux-${otherArch}.node`,
          ),
        ]);
      });

      it.skipIf(!hasNm)('needs nothing from Node or V8 but Node-API, so Electron loads the same file', () => {
        const undefinedSymbols = execFileSync(
          'nm',
          ['-D', '--undefined-only', join(root, PREBUILD_DIR, `linux-${hostArch}.node`)],
          {
            encoding: 'utf8',
          },
        )
          .split('\n')
          .map((line) => line.trim().split(/\s+/).pop() ?? '')
          .filter(Boolean);
        expect(undefinedSymbols.filter((name) => name.startsWith('napi_')).length).toBeGreaterThan(10);
        // Everything else comes from the C and C++ runtimes (versioned) or is optional (weak).
        const foreign = undefinedSymbols.filter(
          (name) =>
            !/^(napi_|node_api_)/.test(name) &&
            !/@(GLIBC|GLIBCXX|CXXABI|GCC)_/.test(name) &&
            !/^_ITM_|^__gmon_start__$|^__cxa_finalize/.test(name),
        );
        expect(foreign).toEqual([]);
        expect(undefinedSymbols.filter((name) => /^_ZN2v8|^_ZN4node|^uv_/.test(name))).toEqual([]);
      });
    });
  },
);
