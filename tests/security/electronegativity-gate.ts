/**
 * The electronegativity gate: scans the app's sources with @doyensec/electronegativity (offline,
 * through run-electronegativity.mjs), reads its CSV, and judges the findings against the checked-in
 * allow-list (electronegativity-allowlist.json). electronegativity itself exits 0 whatever it finds;
 * this is what makes a finding fail the build.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { z } from 'zod';
import { projectRoot } from '../helpers/layering';

/** What electronegativity looks at: the Electron main process, preload and renderer, and package.json (scripts, flags). */
export const SCANNED = ['src-main', 'src-renderer', 'package.json'] as const;
/** Findings at these severities fail the gate unless the allow-list justifies them. */
export const GATED_SEVERITIES: readonly string[] = ['HIGH', 'MEDIUM'];
/**
 * Checks whose LOW and INFORMATIONAL findings only record a fact: the Electron version in
 * package.json, and where a CSP is set (its strength is judged by CSP_GLOBAL_CHECK). Every other
 * finding is gated whatever its severity, because electronegativity 1.10 rates some of the worst
 * settings low when they are spelled out: `nodeIntegration: true` is INFORMATIONAL for Electron 5
 * and later, `experimentalFeatures: true`, `enableBlinkFeatures` and `allowpopups` are LOW, and
 * disabling Electron's security warnings is INFORMATIONAL.
 */
export const NOTE_CHECKS: readonly string[] = [
  'ELECTRON_VERSION_JSON_CHECK',
  'CSP_JS_CHECK',
  'CSP_HTML_CHECK',
];

export function isGated(finding: Pick<Finding, 'check' | 'severity'>): boolean {
  return GATED_SEVERITIES.includes(finding.severity) || !NOTE_CHECKS.includes(finding.check);
}
export const ALLOW_LIST_PATH = join(projectRoot, 'electronegativity-allowlist.json');
const RUNNER = join(projectRoot, 'tests/security/run-electronegativity.mjs');

export interface Finding {
  check: string;
  severity: string;
  confidence: string;
  /** Relative to the scanned folder, with `/`; "N/A" for whole-application findings. */
  file: string;
  location: string;
  sample: string;
  description: string;
}

export interface ScanReport {
  findings: Finding[];
  /** Files electronegativity could not parse: each one is a file it did not check. */
  errors: { file: string; message: string; tolerable: boolean }[];
  blockedRequests: string[];
  networkAttempts: string[];
  checks: { global: number; atomic: number };
  csvRows: number;
  issueCount: number;
  electronVersion: string;
}

const allowEntrySchema = z.strictObject({
  check: z.string().regex(/^[A-Z0-9_]+$/, 'an electronegativity check id, e.g. CONTEXT_ISOLATION_JS_CHECK'),
  file: z.string().min(1),
  /** How many findings of this check in this file are justified (default 1), so a second one is not waved through. */
  count: z.number().int().positive().optional(),
  reason: z.string().min(40, 'say why this finding is safe, and where that is tested'),
});
export const allowListSchema = z.strictObject({
  about: z.string(),
  entries: z.array(allowEntrySchema),
});
export type AllowEntry = z.infer<typeof allowEntrySchema>;
export type AllowList = z.infer<typeof allowListSchema>;

export function parseAllowList(value: unknown): AllowList {
  return allowListSchema.parse(value);
}

export function readAllowList(path = ALLOW_LIST_PATH): AllowList {
  return parseAllowList(JSON.parse(readFileSync(path, 'utf8')));
}

/** The Electron version the app ships, so electronegativity applies that version's defaults. */
export function installedElectronVersion(): string {
  const require = createRequire(join(projectRoot, 'package.json'));
  return (require('electron/package.json') as { version: string }).version;
}

/** RFC 4180 CSV: quoted fields, doubled quotes, commas and newlines inside quotes. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (char === '"') {
        quoted = false;
      } else {
        field += char;
      }
    } else if (char === '"') {
      quoted = true;
    } else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i += 1;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else {
      field += char;
    }
  }
  if (quoted) throw new Error('CSV ends inside a quoted field');
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

const CSV_COLUMNS = [
  'issue',
  'severity',
  'confidence',
  'filename',
  'location',
  'sample',
  'description',
  'url',
];

/** electronegativity's CSV (`-o findings.csv`) as findings. Refuses a layout it does not know. */
export function parseFindingsCsv(text: string): Finding[] {
  const [header, ...rows] = parseCsv(text);
  if (!header || header.map((name) => name.trim()).join(',') !== CSV_COLUMNS.join(',')) {
    throw new Error(`Unexpected electronegativity CSV header: ${JSON.stringify(header)}`);
  }
  return rows.map((cells) => {
    if (cells.length !== CSV_COLUMNS.length) {
      throw new Error(
        `Unexpected electronegativity CSV row (${cells.length} cells): ${JSON.stringify(cells)}`,
      );
    }
    const [check, severity, confidence, file, location, sample, description] = cells as [
      string,
      string,
      string,
      string,
      string,
      string,
      string,
    ];
    return { check, severity, confidence, file: file.replaceAll('\\', '/'), location, sample, description };
  });
}

/**
 * Copies what is scanned into a fresh folder (so paths in findings read `src-main/shell/main.ts`),
 * lets `prepare` change the copy (tests add insecure code there), runs electronegativity on it and
 * reads back its CSV.
 */
export async function scanProject(prepare?: (stageDir: string) => void): Promise<ScanReport> {
  const work = mkdtempSync(join(tmpdir(), 'stillroom-electronegativity-'));
  try {
    const stage = join(work, 'app');
    for (const entry of SCANNED) {
      cpSync(join(projectRoot, entry), join(stage, entry), {
        recursive: true,
        filter: (source) => !source.includes('node_modules'),
      });
    }
    prepare?.(stage);
    const csv = join(work, 'findings.csv');
    const electronVersion = installedElectronVersion();
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [RUNNER, '-i', stage, '-o', csv, '-e', electronVersion],
      { cwd: projectRoot, timeout: 120_000, maxBuffer: 16 * 1024 * 1024 },
    );
    const summary = JSON.parse(stdout) as Omit<ScanReport, 'findings' | 'csvRows' | 'electronVersion'>;
    const findings = parseFindingsCsv(readFileSync(csv, 'utf8'));
    return { ...summary, findings, csvRows: findings.length, electronVersion };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

export interface Verdict {
  /** Gated findings (see isGated) that no allow-list entry names. */
  unjustified: Finding[];
  /** Entries that match no finding any more: the code changed, so the entry must go. */
  stale: AllowEntry[];
  /** Entries whose check and file match, but not as many times as the entry says. */
  miscounted: { entry: AllowEntry; found: Finding[] }[];
  /** Two entries for the same check and file. */
  duplicates: AllowEntry[];
}

const keyOf = (check: string, file: string) => `${check} ${file}`;

export function judge(findings: readonly Finding[], allowList: AllowList): Verdict {
  const byKey = new Map<string, Finding[]>();
  for (const finding of findings) {
    const key = keyOf(finding.check, finding.file);
    byKey.set(key, [...(byKey.get(key) ?? []), finding]);
  }
  const verdict: Verdict = { unjustified: [], stale: [], miscounted: [], duplicates: [] };
  const allowed = new Set<string>();
  for (const entry of allowList.entries) {
    const key = keyOf(entry.check, entry.file);
    if (allowed.has(key)) verdict.duplicates.push(entry);
    allowed.add(key);
    const found = byKey.get(key) ?? [];
    if (found.length === 0) verdict.stale.push(entry);
    else if (found.length !== (entry.count ?? 1)) verdict.miscounted.push({ entry, found });
  }
  verdict.unjustified = findings.filter(
    (finding) => isGated(finding) && !allowed.has(keyOf(finding.check, finding.file)),
  );
  return verdict;
}

/** A verdict as sentences a person can act on; empty when the gate passes. */
export function describeVerdict(verdict: Verdict): string[] {
  const where = (f: Finding) =>
    `${f.file}:${f.location}${f.sample && f.sample !== 'N/A' ? ` (${f.sample})` : ''}`;
  return [
    ...verdict.unjustified.map(
      (f) =>
        `${f.severity} ${f.check} at ${where(f)}: ${f.description}. Fix it, or justify it in electronegativity-allowlist.json.`,
    ),
    ...verdict.stale.map(
      (e) => `Allow-list entry ${e.check} for ${e.file} matches no finding any more: remove it.`,
    ),
    ...verdict.miscounted.map(
      ({ entry, found }) =>
        `Allow-list entry ${entry.check} for ${entry.file} justifies ${entry.count ?? 1} finding(s), found ${found.length}: ${found.map(where).join('; ')}.`,
    ),
    ...verdict.duplicates.map((e) => `Allow-list has ${e.check} for ${e.file} twice.`),
  ];
}
