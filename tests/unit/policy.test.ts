import { generateKeyPairSync } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { policySchema } from '../../src-main/contract';
import { contactHosts } from '../../src-main/infra/app-services';
import { policyPath, readPolicy } from '../../src-main/infra/policy-file';
import { tempDir } from '../helpers/host-harness';
import { projectRoot } from '../helpers/layering';

const EXAMPLE = join(projectRoot, 'docs', 'example-policy.json');
const example = () => JSON.parse(readFileSync(EXAMPLE, 'utf8')) as Record<string, unknown>;

function writePolicy(content: string | object): string {
  const path = join(tempDir('stillroom-policy-'), 'policy.json');
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

describe('policy location', () => {
  it('is machine-wide on each system, and STILLROOM_POLICY wins', () => {
    expect(policyPath({ ProgramData: 'D:\\PD' }, 'win32')).toBe(join('D:\\PD', 'Stillroom', 'policy.json'));
    expect(policyPath({}, 'darwin')).toBe('/Library/Application Support/Stillroom/policy.json');
    expect(policyPath({}, 'linux')).toBe('/etc/stillroom/policy.json');
    expect(policyPath({ STILLROOM_POLICY: '/tmp/p.json' }, 'linux')).toBe('/tmp/p.json');
  });
});

describe('reading a policy', () => {
  it('accepts the documented example with every field', () => {
    const state = readPolicy(EXAMPLE);
    expect(state.state).toBe('ok');
    if (state.state !== 'ok') return;
    const { policy } = state;
    expect(Object.keys(policy).sort()).toEqual(
      ['contentPacks', 'coach', 'crisis', 'defaults', 'enforced', 'format', 'organisation'].sort(),
    );
    expect(policy.organisation.endorsement).toMatch(/20 minutes/);
    expect(policy.crisis?.resources[0]?.phone).toBe('116 123');
    expect(policy.enforced).toEqual({ exportAllowed: true, keychainAllowed: true });
  });

  it('treats a missing file as normal', () => {
    expect(readPolicy(join(tempDir(), 'absent.json'))).toEqual({
      state: 'none',
      searched: expect.stringContaining('absent.json'),
    });
  });

  it('accepts the smallest useful policy', () => {
    expect(readPolicy(writePolicy({ format: 1, organisation: { name: 'Acme' } })).state).toBe('ok');
  });

  it.each([
    ['an unknown top-level key', { ...example(), telemetryUrl: 'https://x' }, /unknown key "telemetryUrl"/],
    [
      'an unknown nested key',
      { ...example(), organisation: { name: 'A', endorsment: 'typo' } },
      /organisation: unknown key "endorsment"/,
    ],
    ['a wrong type', { ...example(), organisation: { name: 42 } }, /organisation\.name:/],
    ['a missing organisation', { format: 1 }, /organisation:/],
    ['an unsupported format', { ...example(), format: 2 }, /format:/],
    [
      'an http crisis link',
      {
        ...example(),
        crisis: {
          country: 'GB',
          emergency: '999',
          checked: null,
          resources: [{ name: 'X', description: 'Y', url: 'http://x.org' }],
        },
      },
      /crisis\.resources\.0\.url: Use an https/,
    ],
    ['letters in a phone number', { ...example(), coach: { name: 'C', phone: 'call me' } }, /coach\.phone:/],
    [
      'a negative auto-lock default',
      { ...example(), defaults: { autoLockMinutes: -5 } },
      /defaults\.autoLockMinutes:/,
    ],
    [
      'a non-boolean enforced setting',
      { ...example(), enforced: { exportAllowed: 'no' } },
      /enforced\.exportAllowed:/,
    ],
  ])('reports %s with the exact field', (_label, content, problem) => {
    const state = readPolicy(writePolicy(content));
    expect(state.state).toBe('invalid');
    if (state.state === 'invalid') expect(state.problems.join('\n')).toMatch(problem);
  });

  it('accepts ed25519 pack keys and reports anything else', () => {
    const ed25519 = generateKeyPairSync('ed25519')
      .publicKey.export({ type: 'spki', format: 'pem' })
      .toString();
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 })
      .publicKey.export({ type: 'spki', format: 'pem' })
      .toString();
    const withKeys = (keys: string[]) => ({
      ...example(),
      contentPacks: { folder: '/srv/packs', trustedKeys: keys },
    });
    expect(readPolicy(writePolicy(withKeys([ed25519]))).state).toBe('ok');
    for (const bad of [rsa, `-----BEGIN PUBLIC KEY-----\n${'A'.repeat(60)}\n-----END PUBLIC KEY-----`]) {
      expect(readPolicy(writePolicy(withKeys([ed25519, bad])))).toMatchObject({
        state: 'invalid',
        problems: ['contentPacks.trustedKeys.1: not an ed25519 public key in PEM (SPKI) form'],
      });
    }
  });

  it('reports invalid JSON', () => {
    const state = readPolicy(writePolicy('{ "format": 1, "organisation": { "name": "A" }, }'));
    expect(state).toMatchObject({ state: 'invalid', problems: [expect.stringMatching(/not valid JSON/)] });
  });

  it('reports invalid JSON by line and column, never echoing what the file holds', () => {
    // STILLROOM_POLICY could point at any file at all: its bytes must not reach the screen or logs.
    for (const text of [
      'root:SECRET-MARKER-1:19000:0:99999:7:::',
      '{ "format": 1, "organisation": SECRET-MARKER-2 }',
      '{\n  "format": 1,\n  "SECRET-MARKER-3\n',
      '\u00e9SECRET-MARKER-4 \u00ff',
    ]) {
      const state = readPolicy(writePolicy(text));
      expect(state.state).toBe('invalid');
      const problems = state.state === 'invalid' ? state.problems.join(' ') : '';
      expect(problems).toMatch(/not valid JSON/);
      expect(problems).not.toMatch(/SECRET|MARKER|root|organisation|\u00e9/);
    }
    const state = readPolicy(writePolicy('{\n  "format": 1,\n  oops\n}'));
    expect(state).toMatchObject({ problems: [expect.stringContaining('line 3')] });
  });

  it('reports a path that is a folder, or an unreadable file', () => {
    const folder = join(tempDir(), 'policy.json');
    mkdirSync(folder);
    expect(readPolicy(folder)).toMatchObject({
      state: 'invalid',
      problems: ['The policy path is not a file.'],
    });
    // A file standing where a folder should be cannot be read (ENOTDIR), whoever runs the test.
    const blocked = join(writePolicy(example()), 'policy.json');
    expect(readPolicy(blocked)).toMatchObject({
      state: 'invalid',
      problems: [expect.stringMatching(/ENOTDIR/)],
    });
  });

  it('reports an oversized file without parsing it', () => {
    const state = readPolicy(writePolicy(`{"format":1,"organisation":{"name":"${'x'.repeat(300_000)}"}}`));
    expect(state).toMatchObject({ state: 'invalid', problems: [expect.stringMatching(/larger than/)] });
  });

  it('accepts a file saved with a byte-order mark (Windows Notepad)', () => {
    expect(readPolicy(writePolicy(`\uFEFF${JSON.stringify(example())}`)).state).toBe('ok');
  });

  it('names the contact hosts a policy adds for links', () => {
    const state = readPolicy(EXAMPLE);
    expect(state.state === 'ok' && contactHosts(state.policy)).toEqual(['www.samaritans.org', 'example.org']);
    expect(contactHosts(undefined)).toEqual([]);
  });

  it('the schema is what the example is checked against', () => {
    expect(policySchema.safeParse(example()).success).toBe(true);
  });
});
