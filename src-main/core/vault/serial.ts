/**
 * Runs async tasks one at a time, in the order they were asked for. Vault operations await
 * scrypt in the middle of reading and writing the keyring and the open database; two of them
 * interleaving could each see the state from before the other.
 */
export function createSerialQueue() {
  let tail: Promise<unknown> = Promise.resolve();
  return {
    run<T>(task: () => Promise<T>): Promise<T> {
      const result = tail.then(task);
      // A failed task must not stop the ones queued behind it.
      tail = result.catch(() => undefined);
      return result;
    },
  };
}
