import { useId } from 'react';
import type { OpenFileKind, PickedFile } from '../../../src-main/contract';
import { FILE_KIND_INFO } from '../../../src-main/contract/plain';
import { useApi } from '../api/api-context';

/**
 * A file to open, chosen with the system's own chooser (the OS dialog in the desktop app, the
 * browser's in the browser host). Nobody types a path.
 */
export function ChooseFileField({
  kind,
  label,
  file,
  onChosen,
  onError,
}: {
  kind: OpenFileKind;
  label: string;
  file: PickedFile | undefined;
  onChosen: (file: PickedFile) => void;
  onError: (message: string) => void;
}) {
  const api = useApi();
  const id = useId();

  async function choose() {
    const result = await api.files.open(kind);
    if (!result.ok) onError(result.error.message);
    else if (result.value) onChosen(result.value);
  }

  return (
    <div className="field">
      <span className="field-label" id={`${id}-label`}>
        {label}
      </span>
      <div className="file-choice">
        <button
          type="button"
          className="secondary"
          aria-describedby={`${id}-label ${id}-chosen`}
          onClick={() => void choose()}
        >
          {file ? 'Choose another file…' : 'Choose file…'}
        </button>
        <span id={`${id}-chosen`} className={file ? 'file-chosen' : 'hint'}>
          {file ? file.name : `No file chosen yet (a ${FILE_KIND_INFO[kind].extension} file)`}
        </span>
      </div>
    </div>
  );
}
