import { createReadStream, statSync } from 'node:fs';
import { createServer, STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import {
  ApiFailure,
  fail,
  FILE_KIND_INFO,
  isOpenFileKind,
  MAX_PAYLOAD_BYTES,
  ok,
  type EventName,
  type EventPayload,
  type Result,
} from '../contract';
import type { FileRegistry } from '../infra/files/file-registry';
import type { Dispatch } from '../core/api/dispatch';
import { contentSecurityPolicy } from '../core/security/csp';
import { mimeTypeFor, resolveStaticAsset } from '../infra/static-assets';
import { bearerToken, checkLoopback, checkToken, type Refusal } from './request-guard';

export interface HostServerOptions {
  rendererDir: string;
  dispatch: Dispatch;
  token: string;
  /** 0 picks a free port. */
  port: number;
  /** Uploads of files the person chose, and downloads of files written for them. */
  files?: Pick<FileRegistry, 'addUpload' | 'takeDownload'>;
}

export interface HostServer {
  port: number;
  url: string;
  emit<E extends EventName>(name: E, payload: EventPayload<E>): void;
  close(): Promise<void>;
}

const API_PREFIX = '/api/';
const UPLOAD_PREFIX = '/files/upload/';
const DOWNLOAD_PREFIX = '/files/download/';
const EVENTS_PATH = '/events';

/**
 * The browser host: the built renderer on 127.0.0.1 and the same Api as the Electron preload,
 * as `POST /api/<call>` with a bearer token, plus events over a WebSocket. Listens on loopback
 * only; the page itself is public code, every Api request needs the per-run token.
 */
export async function startHostServer(options: HostServerOptions): Promise<HostServer> {
  let port = options.port;
  /** The answer being written on each connection, so a parse error never cuts into one. */
  const answering = new WeakMap<Socket, ServerResponse>();
  const server = createServer((req, res) => {
    answering.set(req.socket, res);
    res.on('close', () => {
      if (answering.get(req.socket) === res) answering.delete(req.socket);
    });
    handle(req, res).catch(() => {
      if (!res.headersSent) sendJson(res, 500, fail('internal', 'Something went wrong inside Stillroom.'));
      else res.destroy();
    });
  });

  const sockets = new Set<WebSocket>();
  const wss = new WebSocketServer({ noServer: true, maxPayload: 1024 });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const refused = checkLoopback(req, port);
    if (refused) return refuse(res, refused);
    const url = requestUrl(req);
    if (!url) return sendJson(res, 400, fail('invalid_input', 'The request address could not be read.'));
    const path = url.pathname;
    if (path.startsWith(API_PREFIX)) return handleApi(req, res, decodeCallName(path));
    if (path.startsWith(UPLOAD_PREFIX)) return handleUpload(req, res, path.slice(UPLOAD_PREFIX.length));
    if (path.startsWith(DOWNLOAD_PREFIX)) return handleDownload(req, res, path.slice(DOWNLOAD_PREFIX.length));
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return sendJson(res, 405, fail('not_found', 'Only GET is served here.'));
    }
    return serveStatic(req, res, path);
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, call: string): Promise<void> {
    const unauthorised = checkToken(bearerToken(req), options.token);
    if (unauthorised) return refuse(res, unauthorised);
    if (req.method !== 'POST') {
      return sendJson(res, 405, fail('invalid_input', 'Api calls are made with POST.'));
    }
    const body = await readBody(req, MAX_PAYLOAD_BYTES);
    if (body === 'too_large') {
      return sendJson(
        res,
        413,
        fail('payload_too_large', `The request is larger than ${MAX_PAYLOAD_BYTES} bytes.`),
        true,
      );
    }
    let input: unknown;
    try {
      input = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
    } catch {
      return sendJson(res, 400, fail('invalid_input', 'The request body is not valid JSON.'));
    }
    sendJson(res, 200, await options.dispatch(call, input));
  }

  /**
   * The browser's answer to "which file should I open?": the page sends the bytes of the file the
   * person chose, raw, with its name in a header; it gets back the id the reading call takes.
   */
  async function handleUpload(req: IncomingMessage, res: ServerResponse, kind: string): Promise<void> {
    const unauthorised = checkToken(bearerToken(req), options.token);
    if (unauthorised) return refuse(res, unauthorised);
    if (req.method !== 'POST') return sendJson(res, 405, fail('invalid_input', 'Files are sent with POST.'));
    if (!isOpenFileKind(kind) || !options.files) {
      return sendJson(res, 404, fail('not_found', 'Stillroom does not open that kind of file.'));
    }
    const limit = FILE_KIND_INFO[kind].maxBytes;
    const body = await readBody(req, limit);
    if (body === 'too_large') {
      const what = FILE_KIND_INFO[kind].description.toLowerCase();
      return sendJson(
        res,
        413,
        fail('payload_too_large', `That file is too large to be a ${what}. Nothing was changed.`),
        true,
      );
    }
    try {
      sendJson(res, 200, ok(options.files.addUpload(kind, fileNameHeader(req), new Uint8Array(body))));
    } catch (error) {
      if (error instanceof ApiFailure) return sendJson(res, 400, fail(error.code, error.message));
      throw error;
    }
  }

  /** One download of a file just written for the person; then it is gone from memory. */
  function handleDownload(req: IncomingMessage, res: ServerResponse, id: string): void {
    const unauthorised = checkToken(bearerToken(req), options.token);
    if (unauthorised) return refuse(res, unauthorised);
    if (req.method !== 'GET') return sendJson(res, 405, fail('invalid_input', 'Downloads use GET.'));
    const file = options.files?.takeDownload(id);
    if (!file) {
      return sendJson(
        res,
        404,
        fail('not_found', 'That file was already downloaded, or it was never saved.'),
      );
    }
    res.writeHead(200, {
      'Content-Type': file.mime,
      'Content-Length': file.bytes.length,
      'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    });
    res.end(file.bytes);
  }

  function serveStatic(req: IncomingMessage, res: ServerResponse, path: string): void {
    const file = resolveStaticAsset(options.rendererDir, path);
    const stats = file ? statOrUndefined(file) : undefined;
    if (!file || !stats?.isFile()) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', ...securityHeaders() });
      res.end('Not found');
      return;
    }
    res.writeHead(200, {
      'Content-Type': mimeTypeFor(file),
      'Content-Length': stats.size,
      ...securityHeaders(),
    });
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
  }

  function securityHeaders(): Record<string, string> {
    return {
      'Content-Security-Policy': contentSecurityPolicy({
        connectSources: [`ws://127.0.0.1:${port}`, `ws://localhost:${port}`],
      }),
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cross-Origin-Resource-Policy': 'same-origin',
      'Cache-Control': 'no-store',
    };
  }

  // Node's own answer to a request it cannot parse (a 431 for a huge address, a 400) has no body,
  // and none at all on a reused connection; every answer from here is JSON, so the page can always
  // show its message.
  const refusedSockets = new WeakSet<Socket>();
  server.on('clientError', (error, socket: Socket) => {
    // The rest of a request already refused: Node reports it again; the answer is on its way.
    if (refusedSockets.has(socket)) return;
    refusedSockets.add(socket);
    if (!socket.writable || answering.get(socket)?.headersSent) {
      socket.destroy();
      return;
    }
    const tooLarge = (error as NodeJS.ErrnoException).code === 'HPE_HEADER_OVERFLOW';
    const status = tooLarge ? 431 : 400;
    const text = JSON.stringify(
      tooLarge
        ? fail('payload_too_large', 'The request address or headers are too large.')
        : fail('invalid_input', 'The request could not be read.'),
    );
    socket.end(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(text)}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n${text}`,
    );
    // Closing at once, with the client's unread bytes still arriving, resets the connection and
    // the client loses the answer; give it a moment to read it first.
    setTimeout(() => socket.destroy(), 1000).unref();
  });

  server.on('upgrade', (req, socket: Socket, head) => {
    // Node hands an upgrading socket over with no error listener of its own: a client that resets
    // it (refused or not) would otherwise raise an unhandled 'error' and end the host.
    socket.on('error', () => socket.destroy());
    // An unreadable address (`//[`) must be refused here: a throw in this listener would end the host.
    const url = requestUrl(req);
    const refused =
      checkLoopback(req, port) ??
      (url?.pathname === EVENTS_PATH
        ? undefined
        : { status: 404, body: fail('not_found', 'No such socket.') }) ??
      checkToken(url?.searchParams.get('token'), options.token);
    if (refused) {
      socket.end(`HTTP/1.1 ${refused.status} Refused\r\nConnection: close\r\n\r\n`);
      // A client that never reads its refusal must not hold the socket open.
      setTimeout(() => socket.destroy(), 1000).unref();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      sockets.add(ws);
      ws.on('close', () => sockets.delete(ws));
      // A malformed frame (too long, bad UTF-8, RSV1, unmasked, unknown opcode) or a reset arrives
      // as 'error'; ws closes the socket itself, and without a listener the host would end.
      ws.on('error', () => ws.terminate());
      // The renderer never sends anything over this socket; events flow one way.
      ws.on('message', () => ws.close(1003, 'This socket only carries events to the page.'));
    });
  });

  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => {
      server.off('error', reject);
      resolvePromise();
    });
  });
  port = (server.address() as AddressInfo).port;

  return {
    port,
    url: `http://127.0.0.1:${port}/#token=${options.token}`,
    emit(name, payload) {
      const message = JSON.stringify({ name, payload });
      for (const ws of sockets) ws.send(message);
    },
    async close() {
      for (const ws of sockets) ws.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolvePromise) => server.close(() => resolvePromise()));
    },
  };
}

/** The request's address, or undefined when it is not one (`//[` parses as a broken host). */
function requestUrl(req: IncomingMessage): URL | undefined {
  try {
    return new URL(req.url ?? '/', 'http://127.0.0.1');
  } catch {
    return undefined;
  }
}

function decodeCallName(path: string): string {
  try {
    return decodeURIComponent(path.slice(API_PREFIX.length));
  } catch {
    return path.slice(API_PREFIX.length);
  }
}

/** The chosen file's own name, sent URI-encoded (a header cannot carry every name as it is). */
function fileNameHeader(req: IncomingMessage): string {
  const raw = req.headers['x-file-name'];
  if (typeof raw !== 'string') return 'file';
  try {
    return decodeURIComponent(raw);
  } catch {
    return 'file';
  }
}

function refuse(res: ServerResponse, refusal: Refusal): void {
  sendJson(res, refusal.status, refusal.body);
}

function sendJson(res: ServerResponse, status: number, body: Result<unknown>, close = false): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...(close ? { Connection: 'close' } : {}),
  });
  res.end(text);
}

function statOrUndefined(file: string) {
  try {
    return statSync(file);
  } catch {
    return undefined;
  }
}

/** Reads a body up to `limit` bytes; stops reading (and reports) as soon as it is exceeded. */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | 'too_large'> {
  return new Promise((resolvePromise, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) {
      req.resume();
      resolvePromise('too_large');
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    req.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > limit) {
        done = true;
        resolvePromise('too_large');
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!done) resolvePromise(Buffer.concat(chunks));
    });
    req.on('error', reject);
  });
}
