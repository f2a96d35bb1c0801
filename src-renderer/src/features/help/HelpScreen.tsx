import { useCallResult } from '../../api/use-call-result';
import { CrisisResourceList } from '../../components/CrisisResourceList';
import { ScreenHeader } from '../../components/ScreenHeader';

/** Crisis resources: calm, plain, always one click away. Stillroom never contacts anyone itself. */
export function HelpScreen() {
  const { value: help, error } = useCallResult('help.resources');
  return (
    <>
      <ScreenHeader title="Need help now?">
        If you are struggling, you do not have to cope alone. These people are there to listen.
      </ScreenHeader>
      {error && <p role="alert">{error}</p>}
      {help && <CrisisResourceList help={help} />}
      <p className="muted">
        Stillroom is self-help. It is not an emergency service and does not contact anyone for you.
      </p>
    </>
  );
}
