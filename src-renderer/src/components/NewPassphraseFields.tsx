import { useState } from 'react';
import { passphraseProblem } from '../features/vault/passphrase-rules';
import { PassphraseField } from './PassphraseField';

/** A new passphrase typed twice: the state, the check, and the two fields. */
export function useNewPassphrase() {
  const [passphrase, setPassphrase] = useState('');
  const [confirmation, setConfirmation] = useState('');
  return {
    passphrase,
    problem: () => passphraseProblem(passphrase, confirmation),
    clear: () => {
      setPassphrase('');
      setConfirmation('');
    },
    fields: (label: string, options: { autoFocus?: boolean; hint?: string } = {}) => (
      <>
        <PassphraseField
          label={label}
          value={passphrase}
          onChange={setPassphrase}
          autoComplete="new-password"
          autoFocus={options.autoFocus}
          hint={options.hint}
        />
        <PassphraseField
          label="Type it again"
          value={confirmation}
          onChange={setConfirmation}
          autoComplete="new-password"
        />
      </>
    ),
  };
}
