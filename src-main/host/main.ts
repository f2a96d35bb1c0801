/**
 * Composition root of the browser host: Stillroom's core and UI without Electron, for tests and
 * for machines where the Electron binary cannot be installed. Never shipped in the installer.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAppServices } from '../infra/app-services';
import { createConfSettingsStore } from '../infra/conf-settings-store';
import { createNodeNotifierNotifier } from '../infra/notifications/node-notifier-notifier';
import { ensureDataDir, resolveDataDir } from '../infra/data-dir';
import { electronLikeUserDataDir } from '../infra/default-data-dir';
import { parsePort } from './port';
import { hostClock } from './test-clock';
import { testHookEnv, TEST_HOOKS_FLAG } from './test-hooks';
import { hostReminderCheckMs, hostTestNotifier } from './test-notifier';
import { startHostServer, type HostServer } from './server';
import { createRunToken } from './token';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

async function main(): Promise<void> {
  const port = parsePort(process.env.STILLROOM_PORT);
  if (port === undefined) {
    console.error(
      `STILLROOM_PORT must be a whole number from 0 to 65535 (got "${process.env.STILLROOM_PORT}").`,
    );
    process.exit(2);
  }
  const rendererDir = join(projectRoot, 'out', 'renderer');
  if (!existsSync(join(rendererDir, 'index.html'))) {
    console.error('Stillroom has not been built yet: run `npm run build` (or `npm run start:browser`).');
    process.exit(1);
  }
  const dataDir = ensureDataDir(resolveDataDir(process.env, electronLikeUserDataDir()));
  const version = (JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { version: string })
    .version;

  const hooks = testHookEnv(process.env);
  for (const name of hooks.ignored) {
    console.error(
      `${name} is ignored: it is for Stillroom's own tests, which also set ${TEST_HOOKS_FLAG}=1.`,
    );
  }

  // The server is created after the services, so events go through this late-bound sender.
  let emit: HostServer['emit'] = () => {};
  // No keychain here: the browser host always uses the passphrase.
  const { dispatch, close, files } = createAppServices({
    dataDir,
    contentDir: join(projectRoot, 'content'),
    info: () => ({ name: 'Stillroom', version, host: 'browser', platform: process.platform, dataDir }),
    settingsStore: createConfSettingsStore(dataDir),
    clock: hostClock(hooks.env),
    emit: (name, payload) => emit(name, payload),
    reminders: {
      notifier: hostTestNotifier(hooks.env) ?? createNodeNotifierNotifier(),
      checkEveryMs: hostReminderCheckMs(hooks.env),
    },
    // The process locale decides the default crisis lines; STILLROOM_REGION pins it (tests).
    region: () => process.env.STILLROOM_REGION,
  });

  const server = await startHostServer({ rendererDir, dispatch, files, token: createRunToken(), port });
  emit = server.emit;
  // One write, so a reader waiting for the URL line also has the sentence after it.
  process.stdout.write(
    `STILLROOM_URL=${server.url}\nStillroom is running in your browser: open the address above. Press Ctrl+C to stop.\n`,
  );

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    close();
    void server.close().then(() => {
      console.log(`Stillroom stopped (${signal}).`);
      process.exit(0);
    });
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`Stillroom could not start: ${message}`);
  process.exit(1);
});
