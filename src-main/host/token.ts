import { randomBytes, timingSafeEqual } from 'node:crypto';

/** A fresh secret per run: a page on another site cannot guess it, so it cannot call the Api. */
export function createRunToken(): string {
  return randomBytes(32).toString('base64url');
}

export function tokenMatches(expected: string, presented: unknown): boolean {
  if (typeof presented !== 'string') return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(presented);
  return a.length === b.length && timingSafeEqual(a, b);
}
