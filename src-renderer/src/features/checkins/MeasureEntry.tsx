import type { CheckinFrequency, MeasureSummary } from '../../../../src-main/contract';
import { CHECKIN_FREQUENCIES, checkinFrequencyAllowed } from '../../../../src-main/contract/plain';
import './checkins.css';

export const FREQUENCY_LABELS: Record<CheckinFrequency | 'none', string> = {
  none: 'Not in my plan',
  weekly: 'Every week',
  fortnightly: 'Every two weeks',
  monthly: 'Every month',
  'on-demand': 'When I choose',
};

/** "Stress check" → "the stress check", for buttons and labels that name it mid-sentence. */
export const theCheck = (measure: Pick<MeasureSummary, 'plainName'>) =>
  `the ${measure.plainName.toLowerCase()}`;

/**
 * The plain name as a heading with the instrument's own name small beside it, so a person meets
 * what a check is for, and a coach or GP can still tell which questionnaire it was.
 */
export function MeasureTitle({ measure }: { measure: Pick<MeasureSummary, 'plainName' | 'shortName'> }) {
  return (
    <>
      {measure.plainName} <span className="measure-code">{measure.shortName}</span>
    </>
  );
}

/** One questionnaire in the Check-ins list: only the suggested one gets the primary Start. */
export function MeasureEntry({
  measure,
  primary,
  note,
  frequency,
  onStart,
  onHistory,
  onFrequency,
}: {
  measure: MeasureSummary;
  primary: boolean;
  /** E.g. "Last time 2 Nov", for a check that is due. */
  note?: string;
  frequency: CheckinFrequency | 'none';
  onStart: () => void;
  onHistory: () => void;
  onFrequency: (frequency: CheckinFrequency | 'none') => void;
}) {
  return (
    <>
      <h2 className="resource-name">
        <MeasureTitle measure={measure} />
      </h2>
      <p>
        {measure.summary} <span className="muted">About {measure.minutes} min.</span>
        {note && <span className="muted"> {note}</span>}{' '}
        {/* Outside .actions, whose buttons are all filled: past results are a quiet link. */}
        <button type="button" className="link-button" onClick={onHistory}>
          Past results<span className="visually-hidden"> of {theCheck(measure)}</span>
        </button>
      </p>
      <div className="actions">
        <button type="button" className={primary ? undefined : 'secondary'} onClick={onStart}>
          Start<span className={primary ? undefined : 'visually-hidden'}> {theCheck(measure)}</span>
        </button>
        <label className="plan-choice">
          <span>How often</span>
          <select
            value={frequency}
            aria-label={`How often to take ${theCheck(measure)}`}
            onChange={(event) => onFrequency(event.target.value as CheckinFrequency | 'none')}
          >
            {(['none', ...CHECKIN_FREQUENCIES] as const)
              .filter(
                (option) =>
                  option === 'none' || checkinFrequencyAllowed(option, measure.recallPeriod?.days ?? null),
              )
              .map((option) => (
                <option key={option} value={option}>
                  {FREQUENCY_LABELS[option]}
                </option>
              ))}
          </select>
        </label>
      </div>
    </>
  );
}
