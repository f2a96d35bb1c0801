import type { ShareStage } from '../../contract/share';

export type ShareProtection =
  { kind: 'passphrase'; passphrase: string } | { kind: 'recipient'; recipient: string };
export type ShareSecret = { kind: 'passphrase'; passphrase: string } | { kind: 'identity'; identity: string };

/** The two files inside every shared file. */
export interface ShareFiles {
  reportHtml: string;
  dataJson: string;
}

/**
 * Encrypts and opens the shared file (infra/share: zip inside age). Only ciphertext leaves it; the
 * file port writes it where the person chose (on disk: beside it first, then renamed).
 */
export interface ShareFileStore {
  encrypt(request: {
    files: ShareFiles;
    protection: ShareProtection;
    /** Checked between steps; true stops the export before anything is written. */
    isCancelled: () => boolean;
    onStage: (stage: ShareStage, fraction: number) => void;
  }): Promise<{ status: 'done'; bytes: Uint8Array } | { status: 'cancelled' }>;
  /** Decrypts and unpacks; `ApiFailure`s name what is wrong (passphrase, damage, work factor). */
  read(file: Uint8Array, secret: ShareSecret): Promise<ShareFiles>;
}
