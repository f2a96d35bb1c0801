import { useState } from 'react';
import type { CallOutput } from '../../../../src-main/contract';
import { call } from '../../api/call';
import { useApi } from '../../api/api-context';
import { CrisisResourceList } from '../../components/CrisisResourceList';

/**
 * The quiet "Need help now?" every screen carries, inside the room (which covers the app frame
 * and its link): it opens the crisis contacts in place, without leaving the room.
 */
export function RoomHelp() {
  const api = useApi();
  const [help, setHelp] = useState<CallOutput<'help.resources'>>();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string>();
  const toggle = () => {
    setOpen(!open);
    if (help || open) return;
    void call(api, 'help.resources', {}).then((result) => {
      if (result.ok) setHelp(result.value);
      else setError(result.error.message);
    });
  };
  return (
    <div className="room-help">
      <button type="button" className="link-button" aria-expanded={open} onClick={toggle}>
        Need help now?
      </button>
      {open && (
        <section className="card" aria-label="Places to get help now">
          <p>If you are struggling right now, you do not have to wait. You can talk to someone today.</p>
          {help && <CrisisResourceList help={help} />}
          {error && <p className="error">{error}</p>}
        </section>
      )}
    </div>
  );
}
