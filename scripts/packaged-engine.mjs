// Checks that a packaged Stillroom carries exactly one database engine binary, for its own
// platform and architecture, and that it is byte for byte the file Node loads from node_modules:
// the engine is Node-API, so one file serves the tests, the browser host and Electron.
// Usage (CI, after `npm run dist:*`): node scripts/packaged-engine.mjs <the app's resources folder>
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const ENGINE = 'better-sqlite3-multiple-ciphers';

export function sha256(path) {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/** The engine's .node file this process has loaded (the dynamic linker's list, not a guess). */
export function loadedEngine() {
  const Database = require(ENGINE);
  new Database(':memory:').close(); // the binding loads on first use
  const loaded = process.report
    .getReport()
    .sharedObjects.filter((path) => path.includes(ENGINE) && path.endsWith('.node'));
  if (loaded.length !== 1) throw new Error(`Expected one loaded ${ENGINE} binary, found ${loaded.length}.`);
  return realpathSync(loaded[0]);
}

/** Every .node file under the packaged app's app.asar.unpacked, relative, with /. */
export function packagedEngines(resourcesDir) {
  const unpacked = join(resourcesDir, 'app.asar.unpacked');
  return readdirSync(unpacked, { recursive: true })
    .map((path) => String(path))
    .filter((path) => path.endsWith('.node'))
    .map((path) => relative(unpacked, join(unpacked, path)).split(sep).join('/'));
}

/** Problems found, as sentences (none: the packaged engine is the one Node loads). */
export function checkPackagedEngine(resourcesDir, loaded = loadedEngine()) {
  const found = packagedEngines(resourcesDir);
  const expected = `node_modules/${ENGINE}/prebuilds/${loaded.split(/[\\/]/).pop()}`;
  if (found.length !== 1 || found[0] !== expected) {
    return [`the packaged app should unpack exactly ${expected}, but has: ${found.join(', ') || 'none'}`];
  }
  const packaged = join(resourcesDir, 'app.asar.unpacked', ...expected.split('/'));
  if (sha256(packaged) !== sha256(loaded))
    return [`${expected} differs from the file Node loads (${loaded})`];
  return [];
}

if (process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const resourcesDir = process.argv[2];
  if (!resourcesDir) {
    console.error('Usage: node scripts/packaged-engine.mjs <resources folder of the packaged app>');
    process.exit(2);
  }
  const problems = checkPackagedEngine(resourcesDir);
  if (problems.length > 0) {
    console.error(`Stillroom: ${problems.join('; ')}.`);
    process.exit(1);
  }
  console.log(`Stillroom: the packaged app unpacks one engine binary, the same file Node loads.`);
}
