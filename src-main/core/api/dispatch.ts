import {
  apiContract,
  ApiFailure,
  fail,
  isCallName,
  MAX_PAYLOAD_BYTES,
  ok,
  type CallName,
  type CallOutput,
  type Result,
} from '../../contract';
import type { z } from 'zod';
import { describeZodIssues } from '../validation/describe-issues';

/** A handler receives input already validated against its contract schema. */
export type Handlers = {
  [C in CallName]: (
    input: z.output<(typeof apiContract)[C]['input']>,
  ) => CallOutput<C> | Promise<CallOutput<C>>;
};

export type Dispatch = (name: unknown, input: unknown) => Promise<Result<unknown>>;

/**
 * One place where every transport's calls pass: unknown names, oversized or malformed input and
 * thrown errors all become a clear Result. The shell and the browser host only move bytes.
 */
export function createDispatcher(
  handlers: Handlers,
  onInternalError: (call: string, error: unknown) => void = logCallFailure,
): Dispatch {
  return async (name, input) => {
    if (!isCallName(name)) {
      return fail('unknown_call', `There is no call named ${describeName(name)}.`);
    }
    const size = payloadSize(input);
    if (size === undefined) {
      return fail('invalid_input', `The input for ${name} could not be read as data.`);
    }
    if (size > MAX_PAYLOAD_BYTES) {
      return fail(
        'payload_too_large',
        `The input for ${name} is too large (${size} bytes; the limit is ${MAX_PAYLOAD_BYTES}).`,
      );
    }
    const spec = apiContract[name];
    const parsed = spec.input.safeParse(input ?? {});
    if (!parsed.success) {
      return fail(
        'invalid_input',
        `The input for ${name} is not valid: ${describeZodIssues(parsed.error.issues.slice(0, 5)).join('; ')}`,
      );
    }
    try {
      const handler = handlers[name] as (input: unknown) => unknown;
      const value = await handler(parsed.data);
      const checked = spec.output.safeParse(value);
      if (!checked.success) {
        onInternalError(name, checked.error);
        return fail('internal', `Something went wrong inside Stillroom while handling ${name}.`);
      }
      return ok(checked.data);
    } catch (error) {
      if (error instanceof ApiFailure) return fail(error.code, error.message);
      onInternalError(name, error);
      return fail('internal', `Something went wrong inside Stillroom while handling ${name}.`);
    }
  };
}

function describeName(name: unknown): string {
  if (typeof name !== 'string') return `of type ${name === null ? 'null' : typeof name}`;
  const shown = name.length > 60 ? `${name.slice(0, 60)}…` : name;
  return JSON.stringify(shown);
}

/** Serialised size in bytes, or undefined for input JSON cannot carry (cycles, BigInt). */
export function payloadSize(input: unknown): number | undefined {
  try {
    const text = JSON.stringify(input ?? null);
    return text === undefined ? 0 : new TextEncoder().encode(text).length;
  } catch {
    return undefined;
  }
}

/** Logs only the call name and the error's class: never inputs or messages, which may be personal. */
export function logCallFailure(call: string, error: unknown): void {
  console.error(`Stillroom: ${call} failed (${error instanceof Error ? error.name : 'error'}).`);
}
