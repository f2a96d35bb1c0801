/**
 * Share export benchmark: `node --import tsx tests/bench/share-export.bench.ts`.
 *
 * A year of daily use in the real encrypted vault: 365 stress diary entries (every field written),
 * 52 thought records, 26 check-ins (PSS-10 every fortnight) and the whole course. Everything is chosen, with a trend
 * per questionnaire, and exported through the real `share.export` handler: reading the vault,
 * building data.json and report.html, zipping, age encryption with the real scrypt work factor
 * (18) and a durable write with rename. All ten course modules are worked through, every exercise
 * and reflection answered, and their progress and answers are shared too.
 *
 * Baselines in the same run: the same export with no encryption (model, report, zip, write), and
 * scrypt alone at N=2^18 (node:crypto, what the export uses). It also times age-encryption's own
 * pure-JS scrypt once, the reason Stillroom derives the key with node:crypto instead: that one
 * blocks the main process for its whole run. Reports figures, never fails on them.
 */
import { randomInt, randomUUID, scrypt } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { scrypt as nobleScrypt } from '@noble/hashes/scrypt.js';
import type { ExerciseField } from '../../src-main/contract';
import { courseShareSource } from '../../src-main/core/course/share';
import { buildShareData } from '../../src-main/core/share/export-model';
import { renderReportHtml } from '../../src-main/core/share/report-html';
import { createVaultShareSources } from '../../src-main/core/share/vault-share-sources';
import { createAgeShareFileStore } from '../../src-main/infra/share/age-share-file';
import { zipShareFiles } from '../../src-main/infra/share/share-zip';
import { testHandlerServices } from '../helpers/host-harness';
import { createVaultApi } from '../helpers/vault-api';
import { createTestVault } from '../helpers/vault-harness';
import { percentile, prng, round2 } from './bench-support';

const RUNS = Number(process.env.RUNS ?? 5);
const TARGET_MS = 5_000;
const DAY = 24 * 3600 * 1000;

const random = prng(9);
const WORDS =
  'meeting deadline manager email team report client call review late tired worried shoulders walk tea sleep rota project slides budget colleague feedback train home evening lunch break'.split(
    ' ',
  );
const sentence = (words: number) =>
  Array.from({ length: words }, () => WORDS[Math.floor(random() * WORDS.length)]).join(' ');

/** Answers that fill every field of a step, as a thorough user would. */
function answersFor(fields: readonly ExerciseField[]): Record<string, string | number | string[]> {
  return Object.fromEntries(
    fields.map((field) => {
      switch (field.type) {
        case 'text':
          return [field.id, sentence(20)];
        case 'list':
          return [field.id, Array.from({ length: field.maxItems }, () => sentence(6))];
        case 'scale':
          return [field.id, field.min + Math.floor(random() * (field.max - field.min + 1))];
        case 'choice':
          return [
            field.id,
            field.multiple ? field.options.slice(0, 2).map((o) => o.id) : field.options[0]!.id,
          ];
      }
    }),
  );
}

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), 'stillroom-share-bench-'));
  const vault = createTestVault(dataDir, { clock: { now: () => Date.now() } });
  const services = testHandlerServices();
  const { value, files } = createVaultApi(vault, undefined, {
    share: {
      files: createAgeShareFileStore(),
      randomInt: (max) => randomInt(max),
    },
  });

  try {
    await value('vault.create', { passphrase: 'bench passphrase here' });
    const start = Date.parse('2025-11-26T08:00:00Z');
    for (let day = 0; day < 365; day += 1) {
      await value('diary.save', {
        occurredAt: new Date(start + day * DAY).toISOString(),
        stress: Math.floor(random() * 11),
        what: sentence(25),
        body: sentence(10),
        thoughts: sentence(30),
        actions: sentence(20),
      });
    }
    for (let week = 0; week < 52; week += 1) {
      await value('thoughts.save', {
        status: 'draft',
        occurredAt: new Date(start + week * 7 * DAY).toISOString(),
        situation: sentence(30),
        automaticThoughts: [{ text: sentence(12), belief: 70 }],
        emotions: [{ name: 'anxious', intensity: 60 }],
        thinkingTraps: ['mind-reading'],
        evidenceFor: sentence(30),
        evidenceAgainst: sentence(30),
        balancedThought: sentence(20),
      });
    }
    const pss = services.measures.find((measure) => measure.id === 'pss-10');
    if (!pss) throw new Error('PSS-10 is missing');
    for (let n = 0; n < 26; n += 1) {
      const answers = Object.fromEntries(
        pss.items.map((item) => [item.id, Math.floor(random() * 5)] as const),
      );
      const scored = await value('measures.submit', { measureId: 'pss-10', answers });
      if (scored.status !== 'scored') throw new Error('PSS-10 not scored');
    }
    for (const { module } of services.course) {
      for (const step of module.steps) {
        if (step.kind === 'exercise' || step.kind === 'reflection') {
          await value('course.saveAnswers', {
            moduleId: module.id,
            stepId: step.id,
            answers: answersFor(step.fields),
          });
        }
        await value('course.completeStep', { moduleId: module.id, stepId: step.id, secondsSpent: 120 });
      }
    }
    const sources = await value('share.sources', {});
    const selection = {
      diaryEntryIds: sources.diary.map((item) => item.id),
      thoughtRecordIds: sources.thoughts.map((item) => item.id),
      checkinResultIds: sources.checkins.map((item) => item.id),
      trendMeasureIds: sources.trends.map((item) => item.measureId),
      note: sentence(60),
      supportPreference: 'coach-on-request' as const,
      courseModuleIds: sources.course.modules.map((module) => module.moduleId),
      courseAnswerIds: sources.course.answers.map((answer) => answer.id),
    };

    const exportTimes: number[] = [];
    const plainTimes: number[] = [];
    let bytes = 0;
    let zipBytes = 0;
    for (let run = 0; run < RUNS; run += 1) {
      // Alternate which goes first so background load lands on both alike.
      const steps = [
        async () => {
          const t0 = performance.now();
          const done = await value('share.export', {
            exportId: randomUUID(),
            selection,
            protection: { kind: 'passphrase', passphrase: 'maple-otter-lantern-pebble-cactus-violet' },
            recipientLabel: 'bench',
            target: await files.save('share'),
          });
          exportTimes.push(performance.now() - t0);
          if (done.status === 'done') bytes = done.file.bytes;
        },
        () => {
          const t0 = performance.now();
          const data = buildShareData(
            selection,
            createVaultShareSources(vault, services.measures, () =>
              courseShareSource(services.course, vault.course()),
            ),
            {
              now: Date.now(),
              appVersion: 'bench',
              measureNames: new Map(),
              trapNames: new Map(),
            },
          );
          const zip = zipShareFiles(
            { reportHtml: renderReportHtml(data), dataJson: JSON.stringify(data, null, 2) },
            new Date(),
          );
          writeFileSync(join(dataDir, `plain-${run}.zip`), zip);
          zipBytes = zip.length;
          plainTimes.push(performance.now() - t0);
          return Promise.resolve();
        },
      ];
      for (const step of run % 2 === 0 ? steps : steps.reverse()) await step();
    }

    const scryptTimes: number[] = [];
    for (let run = 0; run < RUNS; run += 1) {
      const t0 = performance.now();
      await new Promise((resolve, reject) =>
        scrypt('passphrase', 'salt', 32, { N: 2 ** 18, r: 8, p: 1, maxmem: 300 * 1024 * 1024 }, (e, k) =>
          e ? reject(e) : resolve(k),
        ),
      );
      scryptTimes.push(performance.now() - t0);
    }
    const t0 = performance.now();
    nobleScrypt('passphrase', 'salt', { N: 2 ** 18, r: 8, p: 1, dkLen: 32 });
    const nobleMs = performance.now() - t0;

    const row = (name: string, samples: number[]) =>
      `${name.padEnd(44)} p50 ${String(round2(percentile(samples, 50))).padStart(8)} ms   max ${String(round2(Math.max(...samples))).padStart(8)} ms`;
    console.log(
      `share export, a year of data (365 entries, 52 thought records, 26 check-ins, ${selection.courseModuleIds.length} modules, ${selection.courseAnswerIds.length} answers), ${RUNS} runs`,
    );
    console.log(
      `machine: ${cpus().length} cores, load ${loadavg()
        .map((n) => n.toFixed(2))
        .join(' ')}`,
    );
    console.log(row('export (encrypted, work factor 18)', exportTimes));
    console.log(row('baseline: same export, no encryption', plainTimes));
    console.log(row('baseline: scrypt alone (node:crypto, 2^18)', scryptTimes));
    console.log(
      `${'age-encryption pure-JS scrypt (2^18), once'.padEnd(44)}      ${round2(nobleMs)} ms (blocks the thread)`,
    );
    console.log(
      `file ${Math.round(bytes / 1024)} KB encrypted (zip ${Math.round(zipBytes / 1024)} KB); target < ${TARGET_MS} ms: ${percentile(exportTimes, 50) < TARGET_MS ? 'met' : 'NOT met'}`,
    );
    console.log(
      JSON.stringify({
        bench: 'share-export',
        runs: RUNS,
        exportP50Ms: round2(percentile(exportTimes, 50)),
        exportMaxMs: round2(Math.max(...exportTimes)),
        plainP50Ms: round2(percentile(plainTimes, 50)),
        scryptP50Ms: round2(percentile(scryptTimes, 50)),
        nobleScryptMs: round2(nobleMs),
        fileBytes: bytes,
        zipBytes,
        targetMs: TARGET_MS,
      }),
    );
  } finally {
    vault.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
