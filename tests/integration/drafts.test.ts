import { describe, expect, it } from 'vitest';
import { DRAFT_LIMITS } from '../../src-main/contract';
import { reopenableVault } from '../helpers/reopenable-vault';

function vaultIn() {
  return reopenableVault('stillroom-drafts-');
}

describe('drafts in the vault', () => {
  it('saves, replaces, reads back and clears a draft, one per form', async () => {
    const { api, clock } = await vaultIn();
    expect(await api().value('drafts.get', { key: 'diary.quick' })).toEqual({ draft: null });

    await api().value('drafts.save', { key: 'diary.quick', fields: { what: 'The stand-', body: '' } });
    clock.advance(1000);
    const saved = await api().value('drafts.save', {
      key: 'diary.quick',
      fields: { what: 'The stand-up ran over', body: 'tight jaw' },
    });
    await api().value('drafts.save', { key: 'checkin.phq-9', fields: { q1: '2', q2: '1' } });

    expect(await api().value('drafts.get', { key: 'diary.quick' })).toEqual({
      draft: {
        key: 'diary.quick',
        fields: { what: 'The stand-up ran over', body: 'tight jaw' },
        updatedAt: saved.updatedAt,
      },
    });
    expect(await api().value('drafts.clear', { key: 'diary.quick' })).toEqual({ cleared: true });
    expect(await api().value('drafts.clear', { key: 'diary.quick' })).toEqual({ cleared: false });
    expect(await api().value('drafts.get', { key: 'diary.quick' })).toEqual({ draft: null });
    // Clearing one form leaves the others alone.
    expect((await api().value('drafts.get', { key: 'checkin.phq-9' })).draft?.fields).toEqual({
      q1: '2',
      q2: '1',
    });
  });

  it('a form emptied again leaves no draft behind (nothing to offer to carry on)', async () => {
    const { api } = await vaultIn();
    await api().value('drafts.save', { key: 'share.note', fields: { note: 'Hello Sam' } });
    await api().value('drafts.save', { key: 'share.note', fields: { note: '   ' } });
    expect(await api().value('drafts.get', { key: 'share.note' })).toEqual({ draft: null });
  });

  it('a draft survives closing and reopening the vault', async () => {
    const { api, reopen } = await vaultIn();
    await api().value('drafts.save', {
      key: 'course.m1.stress-signature',
      fields: { 'first-sign': 'My shoulders «følt» rise' },
    });
    await reopen();
    const { draft } = await api().value('drafts.get', { key: 'course.m1.stress-signature' });
    expect(draft?.fields).toEqual({ 'first-sign': 'My shoulders «følt» rise' });
  });

  it('needs the vault unlocked', async () => {
    const { api } = await vaultIn();
    await api().value('vault.lock', {});
    expect((await api().error('drafts.save', { key: 'diary.quick', fields: { what: 'x' } })).code).toBe(
      'locked',
    );
    expect((await api().error('drafts.get', { key: 'diary.quick' })).code).toBe('locked');
  });

  it('refuses bad keys, too many fields and fields too long, with a clear message, and stores nothing', async () => {
    const { api } = await vaultIn();
    const refused = async (input: unknown) => {
      const error = await api().error('drafts.save', input as never);
      expect(error.code).toBe('invalid_input');
      return error.message;
    };
    expect(await refused({ key: 'Diary Quick', fields: {} })).toMatch(/lower-case words joined by dots/);
    await refused({ key: '../etc', fields: {} });
    await refused({ key: 'diary..quick', fields: {} });
    await refused({ key: 'a'.repeat(81), fields: {} });
    const many = Object.fromEntries(
      Array.from({ length: DRAFT_LIMITS.fields + 1 }, (_, n) => [`f${n}`, 'x']),
    );
    expect(await refused({ key: 'diary.quick', fields: many })).toMatch(/up to 40 fields/);
    expect(
      await refused({ key: 'diary.quick', fields: { what: 'x'.repeat(DRAFT_LIMITS.fieldLength + 1) } }),
    ).toMatch(/up to 10000 characters/);
    await refused({ key: 'diary.quick', fields: { what: 3 } });
    await refused({ key: 'diary.quick', fields: { 'bad name!': 'x' } });
    await refused({ key: 'diary.quick', fields: { what: 'x' }, extra: true });
    expect(await api().value('drafts.get', { key: 'diary.quick' })).toEqual({ draft: null });
    // The largest draft allowed is fine.
    const largest = Object.fromEntries(
      Array.from({ length: DRAFT_LIMITS.fields }, (_, n) => [`f${n}`, 'y'.repeat(DRAFT_LIMITS.fieldLength)]),
    );
    await api().value('drafts.save', { key: 'diary.quick', fields: largest });
    expect(
      Object.keys((await api().value('drafts.get', { key: 'diary.quick' })).draft?.fields ?? {}),
    ).toHaveLength(40);
  });
});
