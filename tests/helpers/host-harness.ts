import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDispatcher } from '../../src-main/core/api/dispatch';
import { createHandlers } from '../../src-main/core/app-handlers';
import { createSettingsService } from '../../src-main/core/settings/settings-service';
import { createConfSettingsStore } from '../../src-main/infra/conf-settings-store';
import { startHostServer, type HostServer } from '../../src-main/host/server';
import { createTestVault } from './vault-harness';

export const TEST_TOKEN = 'test-token-0123456789abcdefghijklmnopqrstuv';

export function tempDir(prefix = 'stillroom-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A real host server on a free loopback port, with real settings storage in a temp folder. */
export async function startTestHost(
  dataDir = tempDir(),
): Promise<HostServer & { dataDir: string; base: string }> {
  const rendererDir = join(dataDir, '..', `renderer-${Math.random().toString(36).slice(2)}`);
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Stillroom</title>');
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  let emit: HostServer['emit'] = () => {};
  const dispatch = createDispatcher(
    createHandlers({
      info: () => ({
        name: 'Stillroom',
        version: '9.9.9',
        host: 'browser',
        platform: process.platform,
        dataDir,
      }),
      settings: createSettingsService(createConfSettingsStore(dataDir)),
      vault: createTestVault(dataDir),
      onSettingsChanged: (next) => emit('settings.changed', next),
    }),
  );
  const server = await startHostServer({ rendererDir, dispatch, token: TEST_TOKEN, port: 0 });
  emit = server.emit;
  return { ...server, dataDir, base: `http://127.0.0.1:${server.port}` };
}
