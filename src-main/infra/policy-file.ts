import { createPublicKey } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { policySchema, type PolicyState } from '../contract';
import { describeZodIssues } from '../core/validation/describe-issues';

const MAX_POLICY_BYTES = 256 * 1024;

/** Where IT puts the machine-wide policy on each system. `STILLROOM_POLICY` overrides (tests). */
export function policyPath(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string {
  if (env.STILLROOM_POLICY) return env.STILLROOM_POLICY;
  if (platform === 'win32') return join(env.ProgramData ?? 'C:\\ProgramData', 'Stillroom', 'policy.json');
  if (platform === 'darwin') return '/Library/Application Support/Stillroom/policy.json';
  return '/etc/stillroom/policy.json';
}

/**
 * Reads and checks the policy. A missing file is the normal case; a broken one is reported with
 * the exact problems and otherwise ignored, so a mistake by IT never stops anyone using Stillroom.
 */
export function readPolicy(path: string): PolicyState {
  let text: string;
  try {
    const stats = statSync(path);
    if (!stats.isFile()) return invalid(path, 'The policy path is not a file.');
    if (stats.size > MAX_POLICY_BYTES)
      return invalid(path, `The policy file is larger than ${MAX_POLICY_BYTES / 1024} KB.`);
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
    if (code === 'ENOENT') return { state: 'none', searched: path };
    return invalid(path, `The policy file could not be read (${code || 'unknown error'}).`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return invalid(path, `The policy file is not valid JSON${whereJsonBroke(text, error)}.`);
  }
  const parsed = policySchema.safeParse(json);
  if (!parsed.success) return { state: 'invalid', path, problems: describeZodIssues(parsed.error.issues) };
  const keyProblems = (parsed.data.contentPacks?.trustedKeys ?? []).flatMap((key, index) =>
    isEd25519PublicKey(key)
      ? []
      : [`contentPacks.trustedKeys.${index}: not an ed25519 public key in PEM (SPKI) form`],
  );
  if (keyProblems.length > 0) return { state: 'invalid', path, problems: keyProblems };
  return { state: 'ok', path, policy: parsed.data };
}

function isEd25519PublicKey(pem: string): boolean {
  try {
    return createPublicKey(pem).asymmetricKeyType === 'ed25519';
  } catch {
    return false;
  }
}

/**
 * Where the JSON broke, as a line and column. Never the parser's own message: it quotes the
 * file's bytes, and STILLROOM_POLICY may point at any file at all (a key, a password file).
 */
function whereJsonBroke(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : '';
  if (/end of JSON input/.test(message)) return ': it ends too early';
  const position = /at position (\d+)/.exec(message)?.[1];
  if (position === undefined) return '';
  const before = text
    .replace(/^\uFEFF/, '')
    .slice(0, Number(position))
    .split('\n');
  return ` at line ${before.length}, column ${(before.at(-1)?.length ?? 0) + 1}`;
}

function invalid(path: string, problem: string): PolicyState {
  return { state: 'invalid', path, problems: [problem] };
}
