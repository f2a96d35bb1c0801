import { useState } from 'react';
import type { SavedFile } from '../../../src-main/contract';
import { useApi } from '../api/api-context';

/**
 * Where a file just went, in words, with "Show in folder" where there is a folder to show (the
 * desktop app). In the browser the file is with the browser's downloads.
 */
export function SavedFileNotice({ file, children }: { file: SavedFile; children?: React.ReactNode }) {
  const api = useApi();
  const [problem, setProblem] = useState<string>();

  async function reveal() {
    const result = await api.files.reveal(file);
    if (!result.ok) setProblem(result.error.message);
    else if (!result.value.shown) setProblem('That file is no longer where it was saved.');
  }

  return (
    <div role="status" className="success saved-file" data-testid="saved-file">
      <p>
        {file.folder === null ? (
          <>
            Downloaded <strong>{file.name}</strong> ({sizeText(file.bytes)}). Your browser keeps it with your
            downloads.
          </>
        ) : (
          <>
            Saved <strong>{file.name}</strong> ({sizeText(file.bytes)}) in{' '}
            <span className="saved-folder">{file.folder}</span>.
          </>
        )}
      </p>
      {children}
      {file.folder !== null && (
        <div className="actions">
          <button type="button" className="secondary" onClick={() => void reveal()}>
            Show in folder
          </button>
        </div>
      )}
      {problem && <p className="error">{problem}</p>}
    </div>
  );
}

function sizeText(bytes: number): string {
  return bytes < 1024 ? `${bytes} bytes` : `${Math.ceil(bytes / 1024)} KB`;
}
