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
 * Writes and reads the encrypted file (infra/share: zip inside age). Export never leaves a partial
 * file: it writes beside the target and renames at the end, and removes its temp file when
 * cancelled or failed.
 */
export interface ShareFileStore {
  /** The folder used when the user names none. */
  defaultFolder(): string;
  write(request: {
    files: ShareFiles;
    protection: ShareProtection;
    folder: string | undefined;
    fileName: string;
    /** Checked between steps; true stops the export and removes its temp file. */
    isCancelled: () => boolean;
    onStage: (stage: ShareStage, fraction: number) => void;
  }): Promise<{ status: 'done'; path: string; bytes: number } | { status: 'cancelled' }>;
  /** Decrypts and unpacks; `ApiFailure`s name what is wrong (passphrase, damage, work factor). */
  read(path: string, secret: ShareSecret): Promise<ShareFiles>;
}
