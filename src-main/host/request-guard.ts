import type { IncomingMessage } from 'node:http';
import { loopbackOrigins } from '../core/security/url-policy';
import { fail, type Result } from '../contract';
import { tokenMatches } from './token';

export interface Refusal {
  status: number;
  body: Result<never>;
}

/**
 * DNS-rebinding and cross-site defence: the `Host` must be our loopback address, and an
 * `Origin`, when the browser sends one, must be our own page.
 */
export function checkLoopback(req: IncomingMessage, port: number): Refusal | undefined {
  const { hosts, origins } = loopbackOrigins(port);
  const host = req.headers.host;
  if (!host || !hosts.includes(host)) {
    return { status: 403, body: fail('forbidden_origin', 'Stillroom only answers on 127.0.0.1.') };
  }
  const origin = req.headers.origin;
  if (origin !== undefined && !origins.includes(origin)) {
    return { status: 403, body: fail('forbidden_origin', 'Requests from other sites are refused.') };
  }
  return undefined;
}

export function checkToken(presented: unknown, token: string): Refusal | undefined {
  return tokenMatches(token, presented)
    ? undefined
    : {
        status: 401,
        body: fail('unauthorised', 'This request needs the token printed when Stillroom started.'),
      };
}

export function bearerToken(req: IncomingMessage): string | undefined {
  const header = req.headers.authorization;
  return header?.startsWith('Bearer ') ? header.slice('Bearer '.length) : undefined;
}
