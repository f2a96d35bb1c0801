import type { CallInput, CallOutput } from '../../contract';
import type { Clock } from '../clock';
import type { DraftRepository } from './draft-repository';

/**
 * The drafts calls. A draft with nothing typed in it is no draft: saving one forgets the old
 * one, so "Carry on where you left off?" is never offered for an empty form.
 */
export function createDraftHandlers(deps: { repository: () => DraftRepository; clock: Clock }) {
  return {
    'drafts.get': ({ key }: CallInput<'drafts.get'>): CallOutput<'drafts.get'> => ({
      draft: deps.repository().get(key),
    }),
    'drafts.save': ({ key, fields }: CallInput<'drafts.save'>): CallOutput<'drafts.save'> => {
      const repository = deps.repository();
      if (isBlank(fields)) {
        repository.clear(key);
        return { updatedAt: new Date(deps.clock.now()).toISOString() };
      }
      return { updatedAt: repository.save(key, fields) };
    },
    'drafts.clear': ({ key }: CallInput<'drafts.clear'>): CallOutput<'drafts.clear'> => ({
      cleared: deps.repository().clear(key),
    }),
  };
}

function isBlank(fields: Record<string, string>): boolean {
  return Object.values(fields).every((value) => value.trim() === '');
}
