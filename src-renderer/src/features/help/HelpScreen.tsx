import { ScreenHeader } from '../../components/ScreenHeader';
import { SafetyPlanForm } from '../safety';
import { HelpPanel } from './HelpPanel';

/** Crisis resources: calm, plain, always one click away. Stillroom never contacts anyone itself. */
export function HelpScreen() {
  return (
    <>
      <ScreenHeader title="Need help now?">
        If you are struggling, you do not have to cope alone. These people are there to listen.
      </ScreenHeader>
      <HelpPanel saveChoice />
      <div className="print-area">
        <SafetyPlanForm printable />
      </div>
      <p className="muted">
        Stillroom is self-help. It is not an emergency service and does not contact anyone for you.
      </p>
    </>
  );
}
