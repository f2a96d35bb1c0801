import fc from 'fast-check';
import { request } from 'node:http';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiContract,
  CALL_NAMES,
  ERROR_CODES,
  FILE_KIND_INFO,
  pickedFileSchema,
  MAX_PAYLOAD_BYTES,
  type CallInput,
  type CallName,
} from '../../src-main/contract';
import {
  CALL_EFFECTS,
  hostileString,
  hostileValue,
  inputIsValid,
  invalidInput,
  Members,
  nearValidInput,
  nested,
  PROTOTYPE_KEYS,
  toJsonText,
  VALID_SAMPLES,
  type JsonNode,
} from '../helpers/arbitraries';
import { startTestHost, TEST_TOKEN } from '../helpers/host-harness';
import { fileHashes } from '../helpers/vault-files';

/*
 * Every call of the contract, driven through the browser host over real HTTP with hostile input.
 * Whatever arrives, the answer is JSON `{ ok: false, error: { code, message } }` with a known code
 * and a short message for people (or `ok: true` where the input happens to be valid for a call
 * that only reads), the host keeps answering, nothing is polluted, and the vault, the diary and
 * the settings are exactly as they were. Calls that change data are only ever sent input their
 * schema refuses, checked before each request.
 */

const SEED = Number(process.env.FC_SEED ?? 20_261_126);
const RUNS = {
  invalidPerCall: 40,
  anythingPerCall: 30,
  rawBodiesPerCall: 30,
  nearTheLimit: 40,
  oddNames: 150,
};

type Host = Awaited<ReturnType<typeof startTestHost>>;

interface Reply {
  status: number;
  contentType: string;
  text: string;
}

const PASSPHRASE = 'a calm and long passphrase';
const ANSWERED_STATUSES = [200, 400, 401, 403, 404, 405, 413, 431];

let host: Host;

/** Raw HTTP, so a test can send what a browser would not; fails on a hang instead of waiting. */
function send(
  path: string,
  options: {
    method?: string;
    headers?: Record<string, string | undefined>;
    body?: string | Buffer;
    chunked?: boolean;
  } = {},
): Promise<Reply> {
  const body = options.body === undefined ? undefined : Buffer.from(options.body);
  const headers: Record<string, string> = { Authorization: `Bearer ${TEST_TOKEN}` };
  for (const [name, value] of Object.entries(options.headers ?? { 'Content-Type': 'application/json' })) {
    if (value === undefined) delete headers[name];
    else headers[name] = value;
  }
  if (body && !options.chunked) headers['Content-Length'] = String(body.length);
  return new Promise((resolve, reject) => {
    let answered = false;
    const req = request(
      { host: '127.0.0.1', port: host.port, path, method: options.method ?? 'POST', headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          answered = true;
          resolve({
            status: res.statusCode ?? 0,
            contentType: String(res.headers['content-type']),
            text: Buffer.concat(chunks).toString('utf8'),
          });
        });
        res.on('error', reject);
      },
    );
    // The host may answer a body that is too large before it has all arrived, then close.
    req.on('error', (error) => {
      if (!answered) reject(error);
    });
    req.setTimeout(15_000, () => req.destroy(new Error(`no answer to ${path.slice(0, 80)} in 15 s`)));
    if (body && options.chunked) {
      for (let at = 0; at < body.length; at += 64 * 1024) req.write(body.subarray(at, at + 64 * 1024));
    } else if (body) {
      req.write(body);
    }
    req.end();
  });
}

/** Bytes straight onto a socket, for requests Node's client refuses to make. */
function sendRaw(text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(host.port, '127.0.0.1', () => socket.write(text));
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('close', () => resolve(Buffer.concat(chunks).toString('utf8')));
    // The host closes as soon as it has answered; a reset after the answer is not a failure.
    socket.on('error', (error) =>
      chunks.length > 0 ? resolve(Buffer.concat(chunks).toString('utf8')) : reject(error),
    );
    socket.setTimeout(15_000, () => socket.destroy(new Error('no answer in 15 s')));
  });
}

function callPath(name: string): string {
  return `/api/${encodeURIComponent(name)}`;
}

/** A call with a plain JSON body that must succeed: for setting up and checking the vault. */
async function api<C extends CallName>(name: C, input: CallInput<C>): Promise<unknown> {
  const reply = await send(callPath(name), { body: JSON.stringify(input) });
  const answer = JSON.parse(reply.text) as { ok: boolean; value?: unknown };
  expect(answer, `${name} during set-up or checks`).toMatchObject({ ok: true });
  return answer.value;
}

type Answer = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } };

/** The shape every answer has, whatever was sent. */
function expectWellFormed(reply: Reply): Answer {
  expect(ANSWERED_STATUSES, `status ${reply.status}: ${reply.text.slice(0, 200)}`).toContain(reply.status);
  expect(reply.contentType).toMatch(/^application\/json/);
  let answer: unknown;
  expect(
    () => {
      answer = JSON.parse(reply.text);
    },
    `not JSON: ${reply.text.slice(0, 200)}`,
  ).not.toThrow();
  expect(answer).toBeTypeOf('object');
  const shaped = answer as Answer;
  if (shaped.ok === true) {
    expect(reply.status).toBe(200);
    expect(Object.keys(shaped).sort()).toEqual(['ok', 'value']);
    return shaped;
  }
  expect(shaped.ok).toBe(false);
  expect(Object.keys(shaped).sort()).toEqual(['error', 'ok']);
  expect(Object.keys(shaped.error).sort()).toEqual(['code', 'message']);
  expect(ERROR_CODES).toContain(shaped.error.code);
  expect(shaped.error.code, shaped.error.message).not.toBe('internal');
  expect(shaped.error.message).toBeTypeOf('string');
  expect(shaped.error.message.trim().length).toBeGreaterThan(0);
  expect(shaped.error.message.length).toBeLessThanOrEqual(2000);
  expect(shaped.error.message).not.toMatch(/\n\s+at |Error:|node_modules|\/work\//);
  return shaped;
}

function expectRefused(reply: Reply, codes: readonly string[]): { code: string; message: string } {
  const answer = expectWellFormed(reply);
  if (answer.ok) throw new Error(`expected a refusal, got ok: ${reply.text.slice(0, 200)}`);
  expect(codes).toContain(answer.error.code);
  return answer.error;
}

/** Long strings that were sent as values must not come back in the message. */
function expectNoEcho(message: string, parsed: unknown): void {
  const values: string[] = [];
  const keys: string[] = [];
  const walk = (value: unknown, depth: number) => {
    if (depth > 50) return;
    if (typeof value === 'string') values.push(value);
    else if (Array.isArray(value)) value.forEach((item) => walk(item, depth + 1));
    else if (value && typeof value === 'object') {
      for (const key of Object.keys(value)) {
        keys.push(key);
        walk(Object.getOwnPropertyDescriptor(value, key)?.value, depth + 1);
      }
    }
  };
  walk(parsed, 0);
  for (const value of values) {
    if (value.length < 16 || keys.some((key) => key.includes(value))) continue;
    expect(message.includes(value), `the message repeats the input ${JSON.stringify(value)}`).toBe(false);
  }
}

/** What the server makes of the bytes: an empty body is `{}`, else JSON (or a 400). */
/** Reads that name a thing by id, where a well-formed id may simply not exist. */
const MAY_BE_NOT_FOUND = new Set<string>([
  'measures.get',
  'measures.history',
  // Items chosen by id, and a shared file by its path.
  'share.preview',
  'share.open',
  'reminders.exportIcs',
  'library.article',
  // A file or a save target is named by the id the person's choice gave; a random one is unknown.
  'files.reveal',
]);

/** The browser host has no open dialog: the page uploads the chosen file instead, and says so. */
const UNAVAILABLE_HERE = new Set<string>(['files.chooseOpen']);

function parseAsTheHostDoes(body: Buffer): { json: true; value: unknown } | { json: false } {
  const text = body.toString('utf8');
  if (text.length === 0) return { json: true, value: {} };
  try {
    return { json: true, value: JSON.parse(text) as unknown };
  } catch {
    return { json: false };
  }
}

const prototypes = [Object.prototype, Array.prototype, Function.prototype, String.prototype];
const prototypeNames = prototypes.map((proto) => Object.getOwnPropertyNames(proto).sort());

function expectNoPollution(): void {
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(([] as unknown as Record<string, unknown>).polluted).toBeUndefined();
  expect(prototypes.map((proto) => Object.getOwnPropertyNames(proto).sort())).toEqual(prototypeNames);
}

async function expectStillServing(): Promise<void> {
  const reply = await send(callPath('app.info'), { body: '{}' });
  expect(reply.status).toBe(200);
  expect(JSON.parse(reply.text)).toMatchObject({ ok: true, value: { name: 'Stillroom' } });
}

/**
 * Sends one JSON body to one call and checks the answer against the schema's verdict. A call
 * that writes is never sent input its schema accepts: that would be a generator bug, reported.
 */
async function sendAndCheck(
  name: CallName,
  body: Buffer,
  options: { contentType?: string; chunked?: boolean } = {},
): Promise<void> {
  const parsed = parseAsTheHostDoes(body);
  const valid = parsed.json && inputIsValid(name, parsed.value);
  if (valid && CALL_EFFECTS[name] === 'writes') {
    throw new Error(`refusing to send valid input to ${name}: ${body.toString('utf8').slice(0, 200)}`);
  }
  const headers = 'contentType' in options ? { 'Content-Type': options.contentType } : undefined;
  const reply = await send(callPath(name), { body, headers, chunked: options.chunked });
  if (!parsed.json) {
    expect(reply.status).toBe(400);
    expectRefused(reply, ['invalid_input']);
  } else if (valid) {
    const answer = expectWellFormed(reply);
    // A well-formed request for something that does not exist (a questionnaire id nobody ships)
    // is answered with not_found: a clear refusal, not a failure to cope.
    if (answer.ok) {
      expect(apiContract[name].output.safeParse(answer.value).success).toBe(true);
    } else if (
      !(answer.error.code === 'not_found' && MAY_BE_NOT_FOUND.has(name)) &&
      !(answer.error.code === 'unavailable' && UNAVAILABLE_HERE.has(name))
    ) {
      throw new Error(`valid input to ${name} was refused: ${reply.text.slice(0, 300)}`);
    }
  } else {
    expect(reply.status).toBe(200);
    const error = expectRefused(reply, ['invalid_input', 'payload_too_large']);
    expect(error.message).toContain(name);
    expectNoEcho(error.message, parsed.value);
  }
  expectNoPollution();
  await expectStillServing();
}

const nodeBody = (node: JsonNode) => Buffer.from(toJsonText(node), 'utf8');

async function snapshot() {
  return {
    diary: await api('diary.list', { limit: 200 }),
    settings: await api('settings.get', {}),
    status: await api('vault.status', {}),
  };
}

let filesAtRest: Record<string, string>;
let stateBefore: Awaited<ReturnType<typeof snapshot>>;

describe('hostile payloads through the browser host', { timeout: 60_000 }, () => {
  beforeAll(async () => {
    host = await startTestHost();
    await api('vault.create', { passphrase: PASSPHRASE });
    const entries: CallInput<'diary.save'>[] = [
      { occurredAt: '2026-11-20T08:30:00Z', stress: 7, what: 'Deadline moved up', body: 'tight jaw' },
      { occurredAt: '2026-11-21T16:00:00+01:00', stress: 3, what: 'Review went fine', thoughts: 'relief' },
      {
        occurredAt: '2026-11-22T12:00:00-05:00',
        stress: 9,
        what: 'Ünïcödé \u202E مرحبا 😀',
        actions: 'walked',
      },
    ];
    for (const entry of entries) await api('diary.save', entry);
    await api('settings.update', { theme: 'dark' });
    await api('vault.setAutoLock', { minutes: 30 });
    // The library's first call builds its index in the vault; later reads change nothing.
    await api('library.list', {});
    // Locking closes the database, which folds the WAL into vault.db: the files are at rest.
    await api('vault.lock', {});
    filesAtRest = fileHashes(host.dataDir);
    expect(Object.keys(filesAtRest)).toEqual(
      expect.arrayContaining(['vault.db', 'keyring.json', 'settings.json']),
    );
    await api('vault.unlock', { method: 'passphrase', passphrase: PASSPHRASE });
    stateBefore = await snapshot();
    expect(stateBefore).toMatchObject({ diary: { total: 3 }, settings: { theme: 'dark' } });
    expect(stateBefore.status).toMatchObject({ state: 'unlocked', autoLockMinutes: 30 });
  });

  afterAll(async () => {
    await host?.close();
  });

  it('has a valid sample and a decided effect for every call', () => {
    for (const name of CALL_NAMES) {
      expect(inputIsValid(name, VALID_SAMPLES[name]), name).toBe(true);
      expect(['reads', 'writes']).toContain(CALL_EFFECTS[name]);
    }
  });

  describe.each(CALL_NAMES.map((name) => [name] as const))('%s', (name) => {
    it('refuses input that is invalid by construction', async () => {
      await fc.assert(
        fc.asyncProperty(invalidInput(name), fc.boolean(), async (input, chunked) => {
          const body = nodeBody(input);
          const parsed = parseAsTheHostDoes(body);
          // By construction; a generator that fails this is a bug in the test, not the app.
          expect(parsed.json && inputIsValid(name, parsed.value), body.toString().slice(0, 200)).toBe(false);
          await sendAndCheck(name, body, { chunked });
        }),
        { seed: SEED, numRuns: RUNS.invalidPerCall },
      );
    });

    it('answers anything near a valid input, or anything at all, well', async () => {
      const anything = fc.oneof(nearValidInput(name), hostileValue, invalidInput(name)).filter((input) => {
        if (CALL_EFFECTS[name] === 'reads') return true;
        const parsed = parseAsTheHostDoes(nodeBody(input));
        return !(parsed.json && inputIsValid(name, parsed.value));
      });
      await fc.assert(
        fc.asyncProperty(anything, async (input) => {
          await sendAndCheck(name, nodeBody(input));
        }),
        { seed: SEED + 1, numRuns: RUNS.anythingPerCall },
      );
    });

    it('answers raw bodies that are not JSON, empty or odd, under any content type', async () => {
      const sampleText = toJsonText(new Members(Object.entries(VALID_SAMPLES[name]) as [string, JsonNode][]));
      const text = (value: string) => Buffer.from(value, 'utf8');
      const rawBody = fc.oneof(
        hostileString(64).map(text),
        fc.uint8Array({ maxLength: 64 }).map((bytes) => Buffer.from(bytes)),
        fc.nat().map((cut) => text(sampleText.slice(0, cut % sampleText.length))),
        hostileString(8).map((garbage) => text(`${sampleText}${garbage || '}'}`)),
        fc.constant(text(`\uFEFF${sampleText}`)),
        fc.constant(Buffer.from([0xef, 0xbb, 0xbf, ...Buffer.from(sampleText)])),
        fc.constant(Buffer.from(sampleText, 'utf16le')),
        fc
          .constantFrom(
            '',
            ' ',
            '\n',
            '\t\r\n',
            'undefined',
            'NaN',
            'Infinity',
            "{'theme':'dark'}",
            '{"a":1,}',
            '{"a":1}/* note */',
            '{"a" 1}',
            '[',
            '{',
            '}',
            '"',
            'nul',
            'tru',
            '\u0000',
            '{}{}',
            '{} x',
            '\uFEFF{}',
            '\uFEFF',
            '0x10',
            '.5',
            '01',
            '+1',
            '"\\u"',
            '{"a":"\\x41"}',
            '{"__proto__":{"polluted":1}}',
            '[{"__proto__":{"polluted":1}}]',
          )
          .map(text),
        invalidInput(name).map(nodeBody),
      );
      const contentType = fc.constantFrom(
        undefined,
        'application/json',
        'application/json; charset=utf-8',
        'application/json; charset=utf-16le',
        'text/plain',
        'text/plain;charset=UTF-8',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=----stillroom',
        'application/xml',
        'application/octet-stream',
        '*/*',
        '',
        'application/json\u00ff',
      );
      await fc.assert(
        fc.asyncProperty(rawBody, contentType, fc.boolean(), async (body, type, chunked) => {
          const parsed = parseAsTheHostDoes(body);
          // A raw body that happens to be valid input for a call that writes is not sent.
          fc.pre(!(CALL_EFFECTS[name] === 'writes' && parsed.json && inputIsValid(name, parsed.value)));
          await sendAndCheck(name, body, { contentType: type, chunked });
        }),
        { seed: SEED + 2, numRuns: RUNS.rawBodiesPerCall },
      );
    });

    it('refuses prototype keys, at the top and beside valid fields', async () => {
      const sample = Object.entries(VALID_SAMPLES[name]) as [string, JsonNode][];
      const bodies = [
        '{"__proto__":{"polluted":1}}',
        '{"constructor":{"prototype":{"polluted":1}}}',
        '{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}},"prototype":{"polluted":1}}',
        '{"__proto__":[]}',
        '{"__proto__":null}',
        ...PROTOTYPE_KEYS.map((key) =>
          toJsonText(new Members([...sample, [key, new Members([['polluted', 1]])]])),
        ),
        toJsonText(new Members([['__proto__', new Members(sample)]])),
      ];
      for (const body of bodies) await sendAndCheck(name, Buffer.from(body));
    });

    it('names only a few of many unknown keys, each shortened', async () => {
      const many = new Members([
        ...(Object.entries(VALID_SAMPLES[name]) as [string, JsonNode][]),
        ['k'.repeat(10_000), 1],
        ...Array.from({ length: 20_000 }, (_, i): [string, JsonNode] => [`unknown-${i}`, i]),
      ]);
      await sendAndCheck(name, nodeBody(many));
      const reply = await send(callPath(name), { body: nodeBody(many) });
      const error = expectRefused(reply, ['invalid_input']);
      expect(error.message).not.toContain('k'.repeat(41));
      expect(error.message).not.toContain('unknown-19999');
    });

    it('refuses nesting 10,000 deep and nesting as deep as the size limit allows', async () => {
      const sample = Object.entries(VALID_SAMPLES[name]) as [string, JsonNode][];
      const deepest = Math.floor((MAX_PAYLOAD_BYTES - 16) / 2);
      const bodies: JsonNode[] = [
        nested(10_000, 'array'),
        nested(10_000, 'object'),
        new Members([...sample, ['deep', nested(10_000, 'object')]]),
        nested(deepest, 'array'),
      ];
      const first = sample[0];
      if (first) {
        bodies.push(
          new Members(
            sample.map(([key, value]) => [key, key === first[0] ? nested(10_000, 'array') : value]),
          ),
        );
      }
      for (const body of bodies) await sendAndCheck(name, nodeBody(body));
    });

    it('refuses a 2 MiB body, declared or chunked, and bodies just over the limit', async () => {
      for (const chunked of [false, true]) {
        for (const size of [2 * 1024 * 1024, MAX_PAYLOAD_BYTES + 1]) {
          const body = Buffer.from(`{"a":"${'x'.repeat(size - 8)}"}`);
          expect(body.length).toBe(size);
          const reply = await send(callPath(name), { body, chunked });
          expect(reply.status).toBe(413);
          expectRefused(reply, ['payload_too_large']);
          await expectStillServing();
        }
      }
    });

    it('refuses the wrong method, a missing token, a foreign origin and a foreign host, even for valid input', async () => {
      const body = JSON.stringify(VALID_SAMPLES[name]);
      const json = { 'Content-Type': 'application/json' };
      for (const method of ['GET', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']) {
        const reply = await send(callPath(name), { method, body: method === 'GET' ? undefined : body });
        expect(reply.status).toBe(405);
        expectRefused(reply, ['invalid_input']);
      }
      const refusals: [Record<string, string | undefined>, number, string][] = [
        [{ ...json, Authorization: undefined }, 401, 'unauthorised'],
        [{ ...json, Authorization: 'Bearer ' }, 401, 'unauthorised'],
        [{ ...json, Authorization: `Bearer ${TEST_TOKEN}\u00e9` }, 401, 'unauthorised'],
        [{ ...json, Origin: 'https://evil.example' }, 403, 'forbidden_origin'],
        [{ ...json, Origin: 'null' }, 403, 'forbidden_origin'],
        [{ ...json, Host: 'evil.example' }, 403, 'forbidden_origin'],
        [{ ...json, Host: `127.0.0.1:${host.port}.evil.example` }, 403, 'forbidden_origin'],
      ];
      for (const [headers, status, code] of refusals) {
        const reply = await send(callPath(name), { headers, body });
        expect(reply.status).toBe(status);
        expectRefused(reply, [code]);
      }
      expectNoPollution();
    });
  });

  it('answers bodies just under, at and just over the size limit', async () => {
    // Each filler is JSON text for one character, from one byte to six once escaped.
    const fillers = ['x', 'é', '😀', '\\u0000', '\\"', '\\ud800', '\u202e', '\\\\'];
    const shapes = [
      'unknown-key',
      'huge-key',
      'known-field',
      'long-array',
      'number-array',
      'top-string',
    ] as const;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...CALL_NAMES),
        fc.integer({ min: -48, max: 48 }),
        fc.constantFrom(...fillers),
        fc.constantFrom(...shapes),
        fc.boolean(),
        async (name, delta, filler, shape, chunked) => {
          const size = MAX_PAYLOAD_BYTES + delta;
          const field = Object.keys(VALID_SAMPLES[name])[0] ?? 'not-a-field';
          const layouts: Record<(typeof shapes)[number], [string, string, string, string]> = {
            'unknown-key': ['{"filler":"', '"}', filler, 'x'],
            'huge-key': ['{"', '":1}', filler, 'x'],
            'known-field': [`{"${field}":"`, '"}', filler, 'x'],
            'long-array': ['{"filler":[', '0]}', '0,', ' '],
            // 1e9 is 3 bytes here and 10 once the dispatcher measures it.
            'number-array': ['[', '0]', '1e9,', ' '],
            'top-string': ['"', '"', filler, 'x'],
          };
          const [prefix, suffix, unit, pad] = layouts[shape];
          const room = size - Buffer.byteLength(prefix) - Buffer.byteLength(suffix);
          const unitBytes = Buffer.byteLength(unit);
          const fill = unit.repeat(Math.floor(room / unitBytes)) + pad.repeat(room % unitBytes);
          const body = Buffer.from(`${prefix}${fill}${suffix}`);
          expect(body.length).toBe(size);
          const parsed = parseAsTheHostDoes(body);
          expect(parsed.json && inputIsValid(name, parsed.value)).toBe(false);
          const reply = await send(callPath(name), { body, chunked });
          if (size > MAX_PAYLOAD_BYTES) {
            expect(reply.status).toBe(413);
            expectRefused(reply, ['payload_too_large']);
          } else {
            expect(reply.status).toBe(parsed.json ? 200 : 400);
            const error = expectRefused(reply, ['invalid_input', 'payload_too_large']);
            if (parsed.json) expectNoEcho(error.message, parsed.value);
          }
          expectNoPollution();
          await expectStillServing();
        },
      ),
      { seed: SEED + 3, numRuns: RUNS.nearTheLimit },
    );
  });

  it('answers odd call names: encoded slashes, dots, unicode, very long', async () => {
    // Inputs are strict, so this body is refused by every call: a name that decodes to a real
    // call must still not run it.
    const body = '{"\\u0000 odd key":true}';
    const variants = (name: string) => [
      name.toUpperCase(),
      ` ${name}`,
      `${name}/`,
      `/${name}`,
      `${name}/..`,
      `../${name}`,
      `${name}\u0000`,
      name.replace('.', '/'),
      name.replace('.', '%2F'),
      name.replace('.', '..'),
      name.replace('.', '\u2024'),
      name.replace('.', '\uFF0E'),
      `${name}?x=1`,
      `${name}#x`,
      `${name};x`,
      `${name}\u200F`,
      `\u202E${name}`,
      name,
    ];
    const oddName = fc.oneof(
      hostileString(40),
      fc.constantFrom(...CALL_NAMES).chain((name) => fc.constantFrom(...variants(name))),
      fc.string({
        unit: fc.constantFrom(
          '.',
          '/',
          '%',
          '2',
          'F',
          'f',
          'E',
          'e',
          '5',
          'C',
          'a',
          '~',
          ':',
          '@',
          '?',
          '#',
          ';',
          '\\',
        ),
        maxLength: 30,
      }),
      fc.integer({ min: 61, max: 12_000 }).map((length) => 'a'.repeat(length)),
      fc.constantFrom(
        '',
        '.',
        '..',
        '...',
        '%',
        '%%',
        '%2',
        '%zz',
        '%00',
        '%2F',
        '%2e%2e',
        '%252e',
        '__proto__',
        'constructor',
        'hasOwnProperty',
        'toString',
        'app',
        'app.',
        '.info',
      ),
    );
    const percentEncoded = (name: string) =>
      [...Buffer.from(name, 'utf8')].map((byte) => `%${byte.toString(16).padStart(2, '0')}`).join('');
    const encodings = {
      raw: (name: string) => (/^[\x21-\x7e]*$/.test(name) ? name : percentEncoded(name)),
      bytes: percentEncoded,
      component: (name: string) => {
        try {
          return encodeURIComponent(name);
        } catch {
          return percentEncoded(name);
        }
      },
    };
    await fc.assert(
      fc.asyncProperty(
        oddName,
        fc.constantFrom(...(Object.keys(encodings) as (keyof typeof encodings)[])),
        async (name, encoding) => {
          const reply = await send(`/api/${encodings[encoding](name)}`, { body });
          // A name past Node's 16 KiB header limit is refused as too large, with a 431.
          const error = expectRefused(reply, [
            'unknown_call',
            'invalid_input',
            'not_found',
            'payload_too_large',
          ]);
          expect([200, 400, 404, 405, 431]).toContain(reply.status);
          if (error.code === 'unknown_call') expect(error.message.length).toBeLessThanOrEqual(120);
          expectNoPollution();
          await expectStillServing();
        },
      ),
      { seed: SEED + 4, numRuns: RUNS.oddNames },
    );
  });

  it('answers addresses that are not addresses, and requests Node cannot parse, in JSON', async () => {
    for (const path of ['//[', '//[/api/app.info', '//[::1/api/app.info', '/api/../api/vault.lock']) {
      const reply = await send(path, { body: '{"\\u0000 odd key":true}' });
      expectRefused(reply, ['invalid_input', 'not_found']);
    }
    // Over Node's 16 KiB header limit.
    const long = await send(callPath('a'.repeat(100_000)), { body: '{}' });
    expect(long.status).toBe(431);
    expectRefused(long, ['payload_too_large']);

    const port = host.port;
    const headers = `Host: 127.0.0.1:${port}\r\nAuthorization: Bearer ${TEST_TOKEN}\r\nConnection: close\r\n`;
    for (const raw of [
      'GARBAGE\r\n\r\n',
      `POST /api/vault.lock HTTP/1.1\r\n${headers}Content-Length: abc\r\n\r\n{}`,
      `POST /api/vault.lock HTTP/1.1\r\n${headers}Content-Length: 2\r\nContent-Length: 3\r\n\r\n{}`,
      `POST /api/vault.lock HTTP/1.1\r\n${headers}Content-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n{}`,
      // A body that breaks off mid-way must not run the call with what arrived.
      `POST /api/vault.lock HTTP/1.1\r\n${headers}Transfer-Encoding: chunked\r\n\r\n2\r\n{}\r\nzz\r\n`,
      `POST /api/vault.lock HTTP/1.1\r\n${headers}X-Long: ${'a'.repeat(20_000)}\r\n\r\n{}`,
    ]) {
      const answer = await sendRaw(raw);
      const [head = '', text = ''] = answer.split('\r\n\r\n');
      expect(head, raw.slice(0, 80)).toMatch(/^HTTP\/1\.1 (400|431) /);
      expect(head).toMatch(/content-type: application\/json/i);
      expectRefused({ status: Number(head.split(' ')[1]), contentType: 'application/json', text }, [
        'invalid_input',
        'payload_too_large',
      ]);
    }
    await expectStillServing();
  });

  it('refuses an event socket at an unreadable address, and lives on', async () => {
    const port = host.port;
    const upgrade = await sendRaw(
      `GET //[ HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
        'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n',
    );
    expect(upgrade).toMatch(/^HTTP\/1\.1 404 /);
    await expectStillServing();
  });

  it('answers an empty body and a body with a byte order mark for every call', async () => {
    for (const name of CALL_NAMES) {
      const empty = Buffer.alloc(0);
      if (!(CALL_EFFECTS[name] === 'writes' && inputIsValid(name, {}))) await sendAndCheck(name, empty);
      await sendAndCheck(name, Buffer.from(`\uFEFF${JSON.stringify(VALID_SAMPLES[name])}`));
    }
  });

  describe('files the page uploads and downloads', () => {
    const upload = (
      kind: string,
      body: Buffer,
      options: { chunked?: boolean; headers?: Record<string, string | undefined> } = {},
    ) =>
      send(`/files/upload/${kind}`, {
        body,
        headers: { 'Content-Type': 'application/octet-stream', 'X-File-Name': 'x.age', ...options.headers },
        chunked: options.chunked,
      });

    it('refuses an upload without the token, of an unknown kind, or by GET', async () => {
      const body = Buffer.from('age-encryption.org/v1\n');
      expectRefused(await upload('share', body, { headers: { Authorization: undefined } }), ['unauthorised']);
      expectRefused(await upload('share', body, { headers: { Authorization: 'Bearer wrong' } }), [
        'unauthorised',
      ]);
      for (const kind of ['calendar', 'nope', '..%2F..%2Fetc', '%00', 'share/extra', 'x'.repeat(3000)]) {
        const reply = await upload(kind, body);
        expect(expectWellFormed(reply).ok, kind).toBe(false);
      }
      expect((await send('/files/upload/share', { method: 'GET' })).status).toBe(405);
      await expectStillServing();
    });

    it('refuses a file larger than its kind allows, declared or streamed, keeping nothing', async () => {
      const tooLarge = Buffer.alloc(FILE_KIND_INFO['content-pack'].maxBytes + 1, 0x61);
      for (const chunked of [false, true]) {
        const reply = await upload('content-pack', tooLarge, { chunked });
        expect(reply.status).toBe(413);
        expect(expectRefused(reply, ['payload_too_large']).message).toMatch(
          /too large to be a library update/,
        );
      }
      await expectStillServing();
    });

    it('takes any bytes and any name, then the reading call refuses what is not its file, clearly', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.uint8Array({ maxLength: 4096 }),
          fc.string({ maxLength: 300 }),
          fc.constantFrom('share', 'content-pack', 'backup'),
          async (bytes, name, kind) => {
            const reply = await upload(kind, Buffer.from(bytes), {
              headers: { 'X-File-Name': encodeURIComponent(name) },
            });
            const answer = expectWellFormed(reply);
            if (!answer.ok) throw new Error(`the upload was refused: ${reply.text}`);
            const picked = pickedFileSchema.parse(answer.value);
            expect(picked.bytes).toBe(bytes.length);
            const call =
              kind === 'share'
                ? {
                    name: 'share.open',
                    input: { file: picked.id, secret: { kind: 'passphrase', passphrase: 'x' } },
                  }
                : kind === 'content-pack'
                  ? { name: 'library.importPack', input: { file: picked.id } }
                  : {
                      name: 'vault.restore',
                      input: { file: picked.id, passphrase: 'x', replaceExisting: true },
                    };
            const refused = await send(callPath(call.name), { body: JSON.stringify(call.input) });
            const error = expectRefused(refused, ['tampered', 'invalid_input', 'wrong_secret']);
            expect(error.message.length).toBeLessThan(400);
            expectNoPollution();
          },
        ),
        { numRuns: 25 },
      );
      await expectStillServing();
    });

    it('downloads only a file just saved, once, with the token', async () => {
      for (const id of ['123e4567-e89b-42d3-a456-426614174000', '..%2Fvault.db', '%00']) {
        expect((await send(`/files/download/${id}`, { method: 'GET' })).status).toBe(404);
      }
      expectRefused(
        await send('/files/download/123e4567-e89b-42d3-a456-426614174000', {
          method: 'GET',
          headers: { Authorization: undefined },
        }),
        ['unauthorised'],
      );
      expect((await send('/files/download/x', { method: 'POST', body: '{}' })).status).toBe(405);
    });
  });

  // Declared last: the tests above run first, in order, against the same vault.
  it('changed nothing: same diary, settings, status and files, host still serving, nothing polluted', async () => {
    expectNoPollution();
    await expectStillServing();
    expect(await snapshot()).toEqual(stateBefore);
    await api('vault.lock', {});
    expect(fileHashes(host.dataDir)).toEqual(filesAtRest);
  });
});
