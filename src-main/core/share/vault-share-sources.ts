import type { Measure } from '../../contract';
import type { VaultService } from '../vault/vault-service';
import type { CourseShareSource, ShareSources } from './share-sources';

/** Far more than a person writes in years; the share screen lists everything up to this. */
const READ_LIMIT = 100_000;

/** Share sources read from the user's vault (throws `locked` while it is locked). */
export function createVaultShareSources(
  vault: VaultService,
  measures: readonly Measure[],
  course: () => CourseShareSource,
): ShareSources {
  return {
    diaryEntries: () => vault.stressDiary().list({ limit: READ_LIMIT }).entries,
    thoughtRecords: () => vault.thoughtRecords().list({ limit: READ_LIMIT }).records,
    checkinResults: () => {
      const checkins = vault.checkins();
      return measures.map((measure) => ({
        measureId: measure.id,
        results: checkins.history(measure.id, READ_LIMIT),
      }));
    },
    course,
  };
}
