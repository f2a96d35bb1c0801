import { describe, expect, it, vi } from 'vitest';
import { ApiFailure, MAX_PAYLOAD_BYTES } from '../../src-main/contract';
import { createDispatcher, type Handlers } from '../../src-main/core/api/dispatch';
import { createHandlers } from '../../src-main/core/app-handlers';
import { createSettingsService, type SettingsStore } from '../../src-main/core/settings/settings-service';
import { tempDir, testHandlerServices } from '../helpers/host-harness';
import { createTestVault } from '../helpers/vault-harness';

function memoryStore(initial: unknown = {}): SettingsStore & { value: unknown } {
  const store = {
    value: initial,
    read: () => store.value,
    write: (next: unknown) => {
      store.value = next;
    },
  };
  return store;
}

function makeDispatch(overrides: Partial<Handlers> = {}, store = memoryStore()) {
  const onError = vi.fn();
  const handlers = {
    ...createHandlers({
      info: () => ({
        name: 'Stillroom',
        version: '1.2.3',
        host: 'browser',
        platform: 'linux',
        dataDir: '/tmp/x',
      }),
      settings: createSettingsService(store),
      vault: createTestVault(tempDir()),
      ...testHandlerServices(),
    }),
    ...overrides,
  };
  return { dispatch: createDispatcher(handlers, onError), onError, store };
}

describe('dispatcher', () => {
  it('answers a valid call with its value', async () => {
    const { dispatch } = makeDispatch();
    await expect(dispatch('app.info', {})).resolves.toEqual({
      ok: true,
      value: { name: 'Stillroom', version: '1.2.3', host: 'browser', platform: 'linux', dataDir: '/tmp/x' },
    });
  });

  it.each([
    undefined,
    null,
    42,
    '',
    'app.nope',
    '__proto__',
    'constructor',
    'toString',
    { call: 'app.info' },
  ])('refuses an unknown call name %j', async (name) => {
    const { dispatch } = makeDispatch();
    const result = await dispatch(name, {});
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('unknown_call');
      expect(result.error.message).toMatch(/There is no call named/);
    }
  });

  it.each([
    ['a wrong type', { theme: 7 }],
    ['an unknown value', { theme: 'neon' }],
    ['an unknown key', { theme: 'dark', admin: true }],
    ['a prototype key', JSON.parse('{"__proto__": {"polluted": true}}')],
    ['an array', ['dark']],
    ['a string', 'dark'],
  ])('refuses %s without writing anything', async (_label, input) => {
    const { dispatch, store } = makeDispatch({}, memoryStore({ theme: 'light' }));
    const result = await dispatch('settings.update', input);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    if (!result.ok) expect(result.error.message).toContain('settings.update');
    expect(store.value).toEqual({ theme: 'light' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each([
    ['vault.create', {}, /passphrase/],
    ['diary.save', { stress: 4 }, /occurredAt|what/],
    ['vault.unlock', { method: 'fingerprint' }, /method/],
  ])('names the missing or wrong field of %s', async (name, input, field) => {
    const { dispatch } = makeDispatch();
    const result = await dispatch(name, input);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(!result.ok && result.error.message).toMatch(field);
  });

  it('names the field that is wrong', async () => {
    const { dispatch } = makeDispatch();
    const result = await dispatch('settings.update', { theme: 7 });
    expect(!result.ok && result.error.message).toMatch(/theme:/);
  });

  it('refuses an oversized payload before parsing it', async () => {
    const { dispatch } = makeDispatch();
    const result = await dispatch('settings.update', { theme: 'x'.repeat(MAX_PAYLOAD_BYTES + 1) });
    expect(result).toMatchObject({ ok: false, error: { code: 'payload_too_large' } });
  });

  it('refuses input JSON cannot carry (a cycle) with a clear error', async () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    const { dispatch } = makeDispatch();
    await expect(dispatch('settings.update', cyclic)).resolves.toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
  });

  it('passes an expected failure through with its code and message', async () => {
    const { dispatch } = makeDispatch({
      'app.info': () => {
        throw new ApiFailure('locked', 'Unlock Stillroom first.');
      },
    });
    await expect(dispatch('app.info', {})).resolves.toEqual({
      ok: false,
      error: { code: 'locked', message: 'Unlock Stillroom first.' },
    });
  });

  it('hides the details of an unexpected error and reports it', async () => {
    const { dispatch, onError } = makeDispatch({
      'app.info': () => {
        throw new Error('secret diary text in a stack');
      },
    });
    const result = await dispatch('app.info', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(result)).not.toContain('secret');
    expect(onError).toHaveBeenCalledOnce();
  });

  it('refuses to return a value that breaks the output schema', async () => {
    const { dispatch } = makeDispatch({
      'app.info': () => ({ name: 'Stillroom' }) as never,
    });
    await expect(dispatch('app.info', {})).resolves.toMatchObject({ ok: false, error: { code: 'internal' } });
  });
});

describe('settings service', () => {
  it('falls back to defaults when the stored settings are damaged', () => {
    for (const damaged of [null, 'garbage', [1, 2], { theme: 'neon' }, 17]) {
      expect(createSettingsService(memoryStore(damaged)).get()).toEqual({ theme: 'system' });
    }
  });

  it('keeps what was chosen', () => {
    const store = memoryStore();
    const service = createSettingsService(store);
    expect(service.update({ theme: 'dark' })).toEqual({ theme: 'dark' });
    expect(createSettingsService(store).get()).toEqual({ theme: 'dark' });
  });
});
