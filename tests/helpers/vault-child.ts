/**
 * Runs Api calls against a real test vault in a separate Node process, so a test can run them as
 * another user: root ignores file permissions, so a read-only data folder is only read-only for
 * someone else (see runVaultChild in vault-files.ts).
 *
 *   node --import tsx tests/helpers/vault-child.ts '<plan as JSON>'
 *
 * Prints one JSON line: the Result of every step, and the class and code of any error the
 * dispatcher turned into `internal`, so a failing test can say what really happened.
 */
import { chmodSync } from 'node:fs';
import { createVaultApi } from './vault-api';
import type { ChildPlan, ChildReport } from './vault-files';
import { createTestVault } from './vault-harness';

const plan = JSON.parse(process.argv[2] ?? '{}') as ChildPlan;
const vault = createTestVault(plan.dataDir);
const api = createVaultApi(vault);

const results: unknown[] = [];
for (const step of plan.steps) {
  if ('chmod' in step) {
    chmodSync(step.chmod, step.mode);
    results.push({ ok: true, value: 'chmod' });
  } else {
    results.push(await api.dispatch(step.call, step.input ?? {}));
  }
}
try {
  vault.close();
} catch (error) {
  api.internalErrors.push({ call: 'close', error });
}
const report: ChildReport = {
  uid: process.getuid?.(),
  results,
  internalErrors: api.internalErrors.map(({ call, error }) => ({
    call,
    name: error instanceof Error ? error.name : typeof error,
    code: typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '',
  })),
};
process.stdout.write(`${JSON.stringify(report)}\n`);
