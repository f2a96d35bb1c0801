// Runs @doyensec/electronegativity offline and deterministically, in a process of its own:
//
//   node tests/security/run-electronegativity.mjs -i <dir> -o <file.csv> -e <electron version>
//
// It writes electronegativity's own CSV to <file.csv> and prints one JSON line on stdout:
// { issueCount, errors, blockedRequests, networkAttempts, checks }. The checker
// (tests/security/electronegativity-gate.ts) reads both.
//
// Why not `npx electronegativity`:
// - the CLI fetches translations from S3 before every run, and its AvailableSecurityFixes check
//   fetches Electron's release list from GitHub; the tests must not touch the network;
// - with `-o`, the CLI drops the list of files it could not parse, so an unparsable file would
//   silently go unchecked; here they are reported;
// - its CSV writer issues two unordered async writes (header with flag "w", rows with flag "a"),
//   which can lose or overwrite rows; here they happen in order.
import console from 'node:console';
import fs from 'node:fs';
import Module, { createRequire } from 'node:module';
import net from 'node:net';
import process from 'node:process';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    input: { type: 'string', short: 'i' },
    output: { type: 'string', short: 'o' },
    'electron-version': { type: 'string', short: 'e' },
  },
});
if (!values.input || !values.output?.endsWith('.csv') || !values['electron-version']) {
  process.stderr.write('usage: run-electronegativity.mjs -i <dir> -o <file.csv> -e <electron version>\n');
  process.exit(2);
}

// stdout carries only the JSON summary; electronegativity's own chatter goes to stderr.
console.log = (...args) => console.error(...args);

// Offline: `got` (its only HTTP client) answers every request with an error, which
// electronegativity already handles ("No connectivity?"), and any socket at all is refused.
const blockedRequests = [];
const networkAttempts = [];
const offlineGot = (url) => {
  blockedRequests.push(String(url));
  return Promise.reject(new Error(`offline: ${String(url)}`));
};
offlineGot.get = offlineGot;
offlineGot.head = offlineGot;
const load = Module._load;
Module._load = function loadOffline(request, parent, isMain) {
  return request === 'got' ? offlineGot : load.call(this, request, parent, isMain);
};
net.Socket.prototype.connect = function refuseConnect(...args) {
  networkAttempts.push(JSON.stringify(args[0] ?? null));
  throw new Error('run-electronegativity: network access is not allowed');
};

// Sequential CSV writes (see above). Callback-style, as electronegativity calls it.
fs.writeFile = (file, data, options, callback) => {
  const done = typeof options === 'function' ? options : callback;
  const opts = typeof options === 'function' ? undefined : options;
  try {
    fs.writeFileSync(file, data, opts);
    process.nextTick(done, null);
  } catch (error) {
    process.nextTick(done, error);
  }
};

// The translations it would have downloaded ship with it; en-US keeps messages stable.
process.env.LANG = 'en-US';

const require = createRequire(import.meta.url);
const run = require('@doyensec/electronegativity');
const result = await run({
  input: values.input,
  output: values.output,
  isSarif: false,
  isRelative: true,
  isVerbose: true,
  customScan: [],
  // Needs the network (GitHub's release list). Keeping Electron current is left to dependency updates.
  excludeFromScan: ['availablesecurityfixesglobalcheck'],
  electronVersionOverride: values['electron-version'],
  parserPlugins: [],
});

process.stdout.write(
  `${JSON.stringify({
    issueCount: result.issues.length,
    errors: result.errors,
    blockedRequests,
    networkAttempts,
    checks: { global: result.globalChecks, atomic: result.atomicChecks },
  })}\n`,
);
