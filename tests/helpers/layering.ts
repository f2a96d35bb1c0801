import { builtinModules } from 'node:module';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, posix, relative, sep } from 'node:path';

/** The layers of DESIGN.md, top to bottom; each may import only the layers it lists. */
const LAYER_RULES: Record<string, readonly string[]> = {
  'src-renderer': ['src-renderer', 'src-main/contract'],
  'src-main/preload': ['src-main/preload', 'src-main/contract'],
  'src-main/shell': ['src-main/shell', 'src-main/infra', 'src-main/core', 'src-main/contract'],
  'src-main/host': ['src-main/host', 'src-main/infra', 'src-main/core', 'src-main/contract'],
  'src-main/infra': ['src-main/infra', 'src-main/core', 'src-main/contract'],
  'src-main/core': ['src-main/core', 'src-main/contract'],
  'src-main/contract': ['src-main/contract'],
};

const ELECTRON_ONLY = new Set(['electron', 'electron-store']);
const ELECTRON_LAYERS = new Set(['src-main/shell', 'src-main/preload']);
const NATIVE_MODULES = new Set(['better-sqlite3', 'better-sqlite3-multiple-ciphers']);
const NODE_BUILTINS = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));
/**
 * Packages the pure layers may use: zod is the contract's one dependency; the reminder schedule
 * in core uses rrule (recurrence), luxon (time zones) and fastest-levenshtein (the library search's
 * "did you mean"), all plain JavaScript with no I/O.
 */
const PURE_PACKAGES = new Set(['zod', 'rrule', 'luxon', 'fastest-levenshtein']);

export interface SourceFile {
  /** Project-relative, forward slashes. */
  path: string;
  source: string;
}

const SPECIFIER =
  /(?:^|[\s;])(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|(?:^|[\s;])import\s*['"]([^'"]+)['"]|\b(?:import|require)\s*\(\s*['"]([^'"]+)['"]\s*\)/gm;

/** Imports that exist at run time: `import type` and `export type` are erased by the compiler. */
export function valueImportsOf(source: string): string[] {
  return importsOf(source.replace(/(?:^|[\s;])(?:import|export)\s+type\s[^;]*?from\s*['"][^'"]+['"]/gm, ''));
}

export function importsOf(source: string): string[] {
  const found: string[] = [];
  for (const match of source.matchAll(SPECIFIER)) {
    const specifier = match[1] ?? match[2] ?? match[3];
    if (specifier) found.push(specifier);
  }
  return found;
}

function layerOf(path: string): string | undefined {
  return Object.keys(LAYER_RULES).find((layer) => path === layer || path.startsWith(`${layer}/`));
}

function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
}

/**
 * The renderer may use the contract's zod-free parts at run time (plain, result, external-links)
 * and anything as types: building the zod schemas would slow every start of the page.
 */
const RENDERER_RUNTIME_CONTRACT = new Set([
  'src-main/contract/plain',
  'src-main/contract/result',
  'src-main/contract/external-links',
]);

/** Every import that breaks DESIGN.md's layering, as readable sentences. */
export function findLayerViolations(files: readonly SourceFile[]): string[] {
  const violations: string[] = [];
  for (const file of files) {
    const layer = layerOf(file.path);
    if (!layer) continue;
    if (layer === 'src-renderer') {
      for (const specifier of valueImportsOf(file.source)) {
        if (!specifier.startsWith('.')) continue;
        const target = posix
          .normalize(posix.join(posix.dirname(file.path), specifier))
          .replace(/\.tsx?$/, '');
        if (layerOf(target) === 'src-main/contract' && !RENDERER_RUNTIME_CONTRACT.has(target)) {
          violations.push(
            `${file.path} imports '${specifier}' at run time: the renderer may only use contract/plain (no zod)`,
          );
        }
      }
    }
    for (const specifier of importsOf(file.source)) {
      const where = `${file.path} imports '${specifier}'`;
      if (specifier.startsWith('.')) {
        const target = posix.normalize(posix.join(posix.dirname(file.path), specifier));
        const targetLayer = layerOf(target);
        if (targetLayer && !LAYER_RULES[layer]?.includes(targetLayer)) {
          violations.push(`${where}: ${layer} may not depend on ${targetLayer}`);
        }
        continue;
      }
      const name = packageName(specifier);
      if (ELECTRON_ONLY.has(name) && !ELECTRON_LAYERS.has(layer)) {
        violations.push(`${where}: ${name} belongs to shell/ and preload/ only`);
      }
      const pure = layer === 'src-main/core' || layer === 'src-main/contract';
      if (pure && NODE_BUILTINS.has(specifier)) violations.push(`${where}: no Node built-ins in ${layer}`);
      if (pure && NATIVE_MODULES.has(name)) violations.push(`${where}: no native modules in ${layer}`);
      if (
        pure &&
        !NODE_BUILTINS.has(specifier) &&
        !PURE_PACKAGES.has(name) &&
        !ELECTRON_ONLY.has(name) &&
        !NATIVE_MODULES.has(name)
      ) {
        violations.push(`${where}: ${layer} may use only ${[...PURE_PACKAGES].join(', ')}`);
      }
      if (layer === 'src-renderer' && NODE_BUILTINS.has(specifier)) {
        violations.push(`${where}: the renderer cannot use Node built-ins`);
      }
    }
  }
  return violations;
}

export function readSources(root: string, folders: readonly string[]): SourceFile[] {
  const files: SourceFile[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (/\.(ts|tsx|mts|cts|js|mjs)$/.test(name) && !name.endsWith('.d.ts')) {
        files.push({ path: relative(root, full).split(sep).join('/'), source: readFileSync(full, 'utf8') });
      }
    }
  };
  for (const folder of folders) walk(join(root, folder));
  return files;
}

export const projectRoot = join(dirname(new URL(import.meta.url).pathname), '..', '..');
