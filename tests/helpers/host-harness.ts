import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Clock } from '../../src-main/core/clock';
import { createAppServices } from '../../src-main/infra/app-services';
import { loadMeasures } from '../../src-main/infra/content/measures-content';
import { loadAllCrisisContent } from '../../src-main/infra/content/crisis-content';
import { loadCourse } from '../../src-main/infra/content/course-content';
import { loadThinkingTraps } from '../../src-main/infra/content/thinking-traps-content';
import { createLibraryCatalog } from '../../src-main/infra/content/content-packs';
import { createConfSettingsStore } from '../../src-main/infra/conf-settings-store';
import { projectRoot } from './layering';
import { fakeClock, TEST_SCRYPT } from './vault-harness';
import { startHostServer, type HostServer } from '../../src-main/host/server';

export const TEST_TOKEN = 'test-token-0123456789abcdefghijklmnopqrstuv';

export function tempDir(prefix = 'stillroom-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** The browser host's download of a file just saved: its bytes, once. */
export async function downloadSaved(base: string, id: string): Promise<Response> {
  return fetch(`${base}/files/download/${id}`, { headers: { Authorization: `Bearer ${TEST_TOKEN}` } });
}

/** What the page does to save through the browser host: ask for a target, which is a download. */
export async function browserTarget(base: string, kind: 'share' | 'backup' | 'calendar'): Promise<string> {
  const response = await fetch(`${base}/api/files.chooseSave`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${TEST_TOKEN}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ kind }),
  });
  const result = (await response.json()) as { ok: true; value: { status: 'chosen'; target: { id: string } } };
  return result.value.target.id;
}

/** A real host server on a free loopback port, with real settings storage in a temp folder. */
export async function startTestHost(
  dataDir = tempDir(),
  options: { policyPath?: string; clock?: Clock } = {},
): Promise<HostServer & { dataDir: string; base: string }> {
  const rendererDir = join(dataDir, '..', `renderer-${Math.random().toString(36).slice(2)}`);
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Stillroom</title>');
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  let emit: HostServer['emit'] = () => {};
  const { dispatch, files } = createAppServices({
    dataDir,
    contentDir: join(projectRoot, 'content'),
    info: () => ({
      name: 'Stillroom',
      version: '9.9.9',
      host: 'browser',
      platform: process.platform,
      dataDir,
    }),
    settingsStore: createConfSettingsStore(dataDir),
    emit: (name, payload) => emit(name, payload),
    env: { STILLROOM_POLICY: options.policyPath ?? join(dataDir, 'no-policy-here.json') },
    vaultOverrides: { scrypt: TEST_SCRYPT, clock: options.clock ?? fakeClock() },
  });
  const server = await startHostServer({ rendererDir, dispatch, files, token: TEST_TOKEN, port: 0 });
  emit = server.emit;
  return { ...server, dataDir, base: `http://127.0.0.1:${server.port}` };
}

/** The shipped content, read and checked once per test worker: no handler changes it. */
let shippedContent:
  | {
      crisisResources: ReturnType<typeof loadAllCrisisContent>;
      thinkingTraps: ReturnType<typeof loadThinkingTraps>;
      measures: ReturnType<typeof loadMeasures>;
      course: ReturnType<typeof loadCourse>;
    }
  | undefined;

/** One folder per test worker for the library catalogs' pack files, removed when the worker ends. */
let libraryRoot: string | undefined;

function libraryDataDir(): string {
  if (!libraryRoot) {
    const root = tempDir('stillroom-library-');
    process.once('exit', () => rmSync(root, { recursive: true, force: true }));
    libraryRoot = root;
  }
  return mkdtempSync(join(libraryRoot, 'catalog-'));
}

/** What the handlers need besides the vault, for tests that build the handler table themselves. */
export function testHandlerServices() {
  const contentDir = join(projectRoot, 'content');
  shippedContent ??= {
    crisisResources: loadAllCrisisContent(contentDir),
    thinkingTraps: loadThinkingTraps(contentDir),
    measures: loadMeasures(contentDir),
    course: loadCourse(contentDir),
  };
  return {
    policy: { state: 'none', searched: '/nowhere/policy.json' } as const,
    ...shippedContent,
    clock: { now: () => Date.now() },
    // Each handler table gets a catalog of its own: a pack imported in one test stays there.
    library: createLibraryCatalog({ contentDir, dataDir: libraryDataDir(), policy: undefined }),
  };
}
