import { execFileSync } from 'node:child_process';

/*
 * Debian's `age` CLI, the independent implementation the shared files must open with. Passphrase
 * mode reads from a terminal only, so it is driven through a pseudo-terminal made by Python's pty
 * module: the child runs `age -d`, the parent waits for the prompt and types the passphrase.
 */

const PTY_DRIVER = `
import os, pty, sys, time
passphrase, source, target = sys.argv[1], sys.argv[2], sys.argv[3]
pid, fd = pty.fork()
if pid == 0:
    os.execvp('age', ['age', '--decrypt', '--output', target, source])
seen = b''
deadline = time.time() + 60
while b'passphrase' not in seen.lower() and time.time() < deadline:
    try:
        seen += os.read(fd, 1024)
    except OSError:
        break
os.write(fd, passphrase.encode() + b'\\n')
while True:
    try:
        chunk = os.read(fd, 1024)
    except OSError:
        break
    if not chunk:
        break
    seen += chunk
_, status = os.waitpid(pid, 0)
code = os.waitstatus_to_exitcode(status)
if code != 0:
    sys.stderr.write(seen.decode(errors='replace'))
sys.exit(code)
`;

/** Decrypts `source` into `target` with the age CLI and a passphrase typed at its prompt. */
export function ageDecryptWithPassphrase(source: string, target: string, passphrase: string): void {
  execFileSync('python3', ['-c', PTY_DRIVER, passphrase, source, target], {
    stdio: 'pipe',
    timeout: 120_000,
  });
}

/** Decrypts with an identity file (`age-keygen` output). */
export function ageDecryptWithIdentity(source: string, target: string, identityFile: string): void {
  execFileSync('age', ['--decrypt', '--identity', identityFile, '--output', target, source], {
    stdio: 'pipe',
  });
}

/** A new X25519 identity: the file for `age -i`, its secret key and its public key. */
export function ageKeygen(identityFile: string): { secretKey: string; publicKey: string } {
  execFileSync('age-keygen', ['-o', identityFile], { stdio: 'pipe' });
  const secretKey = execFileSync('grep', ['^AGE-SECRET-KEY-', identityFile]).toString().trim();
  const publicKey = execFileSync('age-keygen', ['-y', identityFile]).toString().trim();
  return { secretKey, publicKey };
}

/** The files in a zip, as text, read with `unzip -p` (another independent tool). */
export function unzipText(zipFile: string, name: string): string {
  return execFileSync('unzip', ['-p', zipFile, name], { maxBuffer: 64 * 1024 * 1024 }).toString('utf8');
}

export function zipListing(zipFile: string): string[] {
  return execFileSync('unzip', ['-Z1', zipFile]).toString().trim().split('\n');
}
