// `npm run start:browser`: Stillroom without Electron. Builds the renderer if needed, then runs
// the browser host from source (tsx), in this same process so Ctrl+C and SIGTERM reach it.
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { register } from 'tsx/esm/api';
import { buildIfNeeded } from './build-if-needed.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
buildIfNeeded(root);
register();
await import(pathToFileURL(join(root, 'src-main/host/main.ts')).href);
