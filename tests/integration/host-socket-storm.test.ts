import { request } from 'node:http';
import { connect, type Socket } from 'node:net';
import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHostProcess, type HostProcess } from '../helpers/host-process';

/*
 * Finding 1 of issue 19: a client could end the browser host by resetting a refused WebSocket
 * upgrade, or by sending one malformed frame on an accepted one. These talk to a real host
 * process over raw TCP on 127.0.0.1 (what a hostile local program or page would do), bounded in
 * count and time, and then check the host is alive and still answering.
 */

const STORM = 500;
const BATCH = 25;

let host: HostProcess;
let port: number;
let token: string;

// A host of its own for each storm, so one crash cannot hide or cause another's.
beforeEach(async () => {
  host = await startHostProcess();
  port = Number(new URL(host.url).port);
  token = new URLSearchParams(new URL(host.url).hash.slice(1)).get('token') ?? '';
}, 120_000);

afterEach(async () => {
  await host?.stop();
});

function upgradeRequest(path: string, extraHeaders = ''): string {
  return (
    `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
    `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\nSec-WebSocket-Version: 13\r\n${extraHeaders}\r\n`
  );
}

function open(): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port }, () => resolve(socket));
    socket.on('error', reject);
  });
}

/** Sends the upgrade and resets the connection at once (RST, not FIN), before any answer. */
async function upgradeThenReset(path: string, extraHeaders = ''): Promise<void> {
  const socket = await open();
  socket.on('error', () => {});
  socket.write(upgradeRequest(path, extraHeaders));
  socket.resetAndDestroy();
}

/** Completes an authenticated upgrade, then sends `frame` and waits for the host to close. */
async function upgradeThenSend(frame: Buffer): Promise<string> {
  const socket = await open();
  socket.on('error', () => {});
  let received = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no upgrade answer: ${received}`)), 10_000);
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString('latin1');
      if (received.includes('\r\n\r\n')) {
        clearTimeout(timer);
        resolve();
      }
    });
    socket.write(upgradeRequest(`/events?token=${token}`));
  });
  const status = received.slice(0, received.indexOf('\r\n'));
  await new Promise<void>((resolve) => {
    const timer = setTimeout(() => {
      socket.destroy();
      resolve();
    }, 5_000);
    socket.on('close', () => {
      clearTimeout(timer);
      resolve();
    });
    socket.write(frame);
  });
  return status;
}

/** A client frame: FIN + opcode (+ RSV bits), masked unless told otherwise. */
function frame(opcode: number, payload: Buffer, options: { rsv1?: boolean; masked?: boolean } = {}): Buffer {
  const masked = options.masked ?? true;
  const first = 0x80 | (options.rsv1 ? 0x40 : 0) | opcode;
  const length =
    payload.length < 126
      ? Buffer.from([(masked ? 0x80 : 0) | payload.length])
      : Buffer.from([(masked ? 0x80 : 0) | 126, payload.length >> 8, payload.length & 0xff]);
  if (!masked) return Buffer.concat([Buffer.from([first]), length, payload]);
  const mask = randomBytes(4);
  const body = Buffer.from(payload.map((byte, index) => byte ^ (mask[index % 4] ?? 0)));
  return Buffer.concat([Buffer.from([first]), length, mask, body]);
}

const MALFORMED: Array<[string, () => Buffer]> = [
  ['a text frame over 1 KiB', () => frame(0x1, Buffer.alloc(2048, 0x61))],
  ['invalid UTF-8', () => frame(0x1, Buffer.from([0xc3, 0x28, 0xff]))],
  ['RSV1 set without compression', () => frame(0x1, Buffer.from('hi'), { rsv1: true })],
  ['an unmasked client frame', () => frame(0x1, Buffer.from('hi'), { masked: false })],
  ['reserved opcode 3', () => frame(0x3, Buffer.from('hi'))],
];

async function inBatches(count: number, run: (index: number) => Promise<unknown>): Promise<void> {
  for (let start = 0; start < count; start += BATCH) {
    await Promise.all(
      Array.from({ length: Math.min(BATCH, count - start) }, (_, offset) => run(start + offset)),
    );
  }
}

function appInfo(): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: '/api/app.info',
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end('{}');
  });
}

async function expectAlive(): Promise<void> {
  expect(host.process.exitCode, host.output()).toBeNull();
  expect(await appInfo()).toBe(200);
  expect(host.output()).not.toMatch(/Unhandled|ECONNRESET|Error/);
}

describe('the browser host under a storm of hostile sockets', { timeout: 120_000 }, () => {
  it(`survives ${STORM} upgrades without a token, each reset at once`, async () => {
    await inBatches(STORM, () => upgradeThenReset('/events'));
    await expectAlive();
  });

  it('survives a foreign page opening and tearing down many sockets', async () => {
    await inBatches(STORM, (index) =>
      upgradeThenReset(
        index % 2 === 0 ? `/events?token=${token}` : '/events',
        'Origin: https://evil.example\r\n',
      ),
    );
    await expectAlive();
  });

  it(`survives ${STORM} malformed frames on authenticated sockets`, async () => {
    await inBatches(STORM, async (index) => {
      const [label, make] = MALFORMED[index % MALFORMED.length]!;
      const status = await upgradeThenSend(make());
      expect(status, label).toBe('HTTP/1.1 101 Switching Protocols');
    });
    await expectAlive();
  });

  it('survives authenticated sockets reset in the middle of a frame', async () => {
    await inBatches(100, async () => {
      const socket = await open();
      socket.on('error', () => {});
      socket.write(upgradeRequest(`/events?token=${token}`));
      socket.write(frame(0x1, Buffer.alloc(100, 0x61)).subarray(0, 10));
      socket.resetAndDestroy();
    });
    await expectAlive();
  });
});
