import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { MAX_PAYLOAD_BYTES } from '../../src-main/contract';
import { startTestHost, TEST_TOKEN } from '../helpers/host-harness';

type Host = Awaited<ReturnType<typeof startTestHost>>;

/** Raw HTTP so tests can send what a browser would not (forged Host headers, huge bodies). */
function send(
  host: Host,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {},
): Promise<{ status: number; headers: Record<string, unknown>; text: string; json: () => unknown }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: host.port, path, method: options.method ?? 'GET', headers: options.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: () => JSON.parse(text) });
        });
      },
    );
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

const auth = { Authorization: `Bearer ${TEST_TOKEN}`, 'Content-Type': 'application/json' };

function call(host: Host, name: string, body: unknown, headers: Record<string, string> = auth) {
  return send(host, `/api/${name}`, { method: 'POST', headers, body: JSON.stringify(body) });
}

describe('browser host', () => {
  let host: Host;
  beforeAll(async () => {
    host = await startTestHost();
  });
  afterAll(async () => {
    await host.close();
  });

  it('listens on loopback only and prints a tokened URL', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=/);
  });

  it('answers a call with the token', async () => {
    const res = await call(host, 'app.info', {});
    expect(res.status).toBe(200);
    expect(res.json()).toMatchObject({ ok: true, value: { version: '9.9.9', host: 'browser' } });
  });

  it.each([
    ['no token', { 'Content-Type': 'application/json' }],
    ['a wrong token', { Authorization: 'Bearer nope', 'Content-Type': 'application/json' }],
    ['a token of the right length but wrong', { Authorization: `Bearer ${TEST_TOKEN.replace(/.$/, 'X')}` }],
    ['the token without Bearer', { Authorization: TEST_TOKEN }],
  ])('refuses %s with 401', async (_label, headers) => {
    const res = await call(host, 'settings.update', { theme: 'dark' }, headers);
    expect(res.status).toBe(401);
    expect(res.json()).toMatchObject({ ok: false, error: { code: 'unauthorised' } });
  });

  it('refuses a non-loopback Host (DNS rebinding)', async () => {
    const res = await send(host, '/api/app.info', {
      method: 'POST',
      headers: { ...auth, Host: 'evil.example:80' },
      body: '{}',
    });
    expect(res.status).toBe(403);
    expect(res.json()).toMatchObject({ ok: false, error: { code: 'forbidden_origin' } });
    expect((await send(host, '/', { headers: { Host: `10.0.0.5:${host.port}` } })).status).toBe(403);
  });

  it('refuses a foreign Origin even with the token', async () => {
    const res = await call(host, 'app.info', {}, { ...auth, Origin: 'https://evil.example' });
    expect(res.status).toBe(403);
  });

  it('accepts its own Origin', async () => {
    const res = await call(host, 'app.info', {}, { ...auth, Origin: `http://127.0.0.1:${host.port}` });
    expect(res.status).toBe(200);
  });

  it('explains an unknown call, bad JSON, wrong method and bad input', async () => {
    expect((await call(host, 'vault.deleteEverything', {})).json()).toMatchObject({
      ok: false,
      error: { code: 'unknown_call' },
    });
    const badJson = await send(host, '/api/app.info', { method: 'POST', headers: auth, body: '{"theme":' });
    expect(badJson.status).toBe(400);
    expect(badJson.json()).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const get = await send(host, '/api/app.info', { headers: auth });
    expect(get.status).toBe(405);
    expect((await call(host, 'settings.update', { theme: ['dark'] })).json()).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
  });

  it('refuses an oversized body with 413 and keeps serving', async () => {
    const res = await send(host, '/api/settings.update', {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ theme: 'x'.repeat(MAX_PAYLOAD_BYTES) }),
    });
    expect(res.status).toBe(413);
    expect(res.json()).toMatchObject({ ok: false, error: { code: 'payload_too_large' } });
    expect((await call(host, 'app.info', {})).status).toBe(200);
  });

  it('keeps a setting across a restart of the host', async () => {
    expect((await call(host, 'settings.update', { theme: 'dark' })).json()).toEqual({
      ok: true,
      value: { theme: 'dark' },
    });
    const again = await startTestHost(host.dataDir);
    try {
      expect((await call(again, 'settings.get', {})).json()).toEqual({ ok: true, value: { theme: 'dark' } });
    } finally {
      await again.close();
    }
  });

  it('serves the renderer with a strict CSP and no caching', async () => {
    const res = await send(host, '/');
    expect(res.status).toBe(200);
    expect(res.text).toContain('<title>Stillroom</title>');
    expect(String(res.headers['content-security-policy'])).toContain("script-src 'self'");
    expect(res.headers['cache-control']).toBe('no-store');
    expect((await send(host, '/assets/app.js')).headers['content-type']).toMatch(/javascript/);
  });

  it('does not serve files outside the renderer', async () => {
    for (const path of [
      '/../settings.json',
      '/%2e%2e/settings.json',
      '/assets/../../etc/passwd',
      '/nope.js',
    ]) {
      expect((await send(host, path)).status).toBe(404);
    }
  });

  it('delivers events only to a socket that presents the token', async () => {
    const wsBase = `ws://127.0.0.1:${host.port}/events`;
    const refused = new WebSocket(`${wsBase}?token=wrong`);
    await expect(
      new Promise((resolve, reject) => {
        refused.on('open', () => reject(new Error('opened without the token')));
        refused.on('error', resolve);
      }),
    ).resolves.toBeInstanceOf(Error);

    const socket = new WebSocket(`${wsBase}?token=${TEST_TOKEN}`);
    await new Promise((resolve) => socket.on('open', resolve));
    const received = new Promise((resolve) =>
      socket.on('message', (data) => resolve(JSON.parse(String(data)))),
    );
    await call(host, 'settings.update', { theme: 'light' });
    await expect(received).resolves.toEqual({ name: 'settings.changed', payload: { theme: 'light' } });
    socket.close();
  });
});
