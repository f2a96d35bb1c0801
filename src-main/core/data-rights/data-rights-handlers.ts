import {
  ApiFailure,
  type AppSettings,
  type CallOutput,
  type Measure,
  type ShareSelection,
} from '../../contract';
import type { Handlers } from '../api/dispatch';
import type { Clock } from '../clock';
import { buildShareData } from '../share/export-model';
import { renderReportHtml } from '../share/report-html';
import type { FileAccess } from '../files/file-port';
import type { ShareFileStore } from '../share/share-file';
import type { ShareSources } from '../share/share-sources';
import type { ThinkingTrap } from '../../contract';
import type { VaultService } from '../vault/vault-service';
import { buildFullExport } from './full-export';

/** What lives outside the vault and goes with it; each says in words what it removed. */
export interface OutsideEraser {
  /** The reminder times kept for locked reminders, the settings file (the host's files). */
  files(): string[];
  /** Chromium's storage for the app (Electron only; the browser host's page clears its own). */
  browserStorage?: () => Promise<string[]>;
}

export interface DataRightsDeps {
  vault: VaultService;
  /** The coach share's sources, so the readable report is the same report, of everything. */
  shareSources: () => ShareSources;
  /** Encrypts the export (infra/share's age writer); nothing in plaintext is written. */
  files: ShareFileStore;
  /** Where the person chose to save it (the file port refuses the data folder, which erase empties). */
  chosen: FileAccess;
  outside: OutsideEraser;
  settings: () => AppSettings;
  eraseSettings: () => void;
  measures: readonly Measure[];
  thinkingTraps: readonly ThinkingTrap[];
  clock: Clock;
  appVersion: () => string;
  dataDir: string;
}

type In<C extends keyof Handlers> = Parameters<Handlers[C]>[0];

const KEPT_WORDS = {
  backups: 'your backups (you chose to keep them)',
  'safety-copies': 'the safety copies made when you restored a backup (you chose to keep them)',
} as const;
const ERASED_WORDS = {
  vault: 'your diaries, check-ins, course answers, rooms, drafts and reminders',
  key: 'the key that opened them',
  backups: 'your backups',
  'safety-copies': 'the safety copies made when you restored a backup',
} as const;

function requireUnlocked(vault: VaultService): void {
  if (vault.status().state !== 'unlocked') {
    throw new ApiFailure('locked', 'Stillroom is locked. Unlock it to continue.');
  }
}

/** Every item a person has, chosen, so the coach report's renderer draws all of it. */
function everything(sources: ShareSources): ShareSelection {
  const groups = sources.checkinResults();
  const course = sources.course();
  return {
    diaryEntryIds: sources.diaryEntries().map((entry) => entry.id),
    thoughtRecordIds: sources.thoughtRecords().map((record) => record.id),
    checkinResultIds: groups.flatMap((group) => group.results.map((result) => result.id)),
    trendMeasureIds: groups.filter((group) => group.results.length > 1).map((group) => group.measureId),
    courseModuleIds: course.modules.map((module) => module.moduleId),
    courseAnswerIds: course.answers.map((answer) => answer.id),
    note: '',
    supportPreference: null,
  };
}

export function createDataRightsHandlers(deps: DataRightsDeps) {
  const measureNames = new Map(deps.measures.map((measure) => [measure.id, measure.name]));
  const trapNames = new Map(deps.thinkingTraps.map((trap) => [trap.id, trap.name]));
  return {
    'data.overview': (): CallOutput<'data.overview'> => {
      requireUnlocked(deps.vault);
      return {
        dataDir: deps.dataDir,
        ...deps.vault.copies(),
        sharedFiles: deps.vault.shareHistory().list().length,
      };
    },
    'data.exportAll': async ({ passphrase, target: targetId }: In<'data.exportAll'>) => {
      requireUnlocked(deps.vault);
      // Before anything runs: a stale or wrong target is refused with nothing done.
      const target = deps.chosen.target(targetId, 'full-export');
      const now = deps.clock.now();
      const data = buildFullExport(deps.vault, {
        now,
        appVersion: deps.appVersion(),
        settings: deps.settings(),
        measureNames,
      });
      const sources = deps.shareSources();
      const report = renderReportHtml(
        buildShareData(everything(sources), sources, {
          now,
          appVersion: deps.appVersion(),
          measureNames,
          trapNames,
        }),
        {
          title: 'Everything from Stillroom',
          intro:
            'Your diaries, thought records, check-ins and course answers. data.json beside this page holds all of it, and more (rooms, reminders, settings), in an open format.',
        },
      );
      const sealed = await deps.files.encrypt({
        files: { reportHtml: report, dataJson: `${JSON.stringify(data, null, 2)}\n` },
        protection: { kind: 'passphrase', passphrase },
        isCancelled: () => false,
        onStage: () => {},
      });
      if (sealed.status !== 'done') throw new ApiFailure('internal', 'The export stopped.');
      return { file: target.write(sealed.bytes) };
    },
    'data.eraseAll': async ({ backups, safetyCopies }: In<'data.eraseAll'>) => {
      requireUnlocked(deps.vault);
      const vault = deps.vault.erase({ backups, safetyCopies });
      const erased: string[] = vault.erased
        .filter((kind) => kind !== 'key')
        .map((kind) => ERASED_WORDS[kind]);
      if (vault.erased.includes('key')) erased.push(ERASED_WORDS.key);
      erased.push(...deps.outside.files());
      deps.eraseSettings();
      erased.push('your settings');
      if (deps.outside.browserStorage) erased.push(...(await deps.outside.browserStorage()));
      return { erased, kept: vault.kept.map((kind) => KEPT_WORDS[kind]) };
    },
  } satisfies Partial<Handlers>;
}
