import { ComingNext } from '../../components/ComingNext';
import { ScreenHeader } from '../../components/ScreenHeader';

export function CheckinsScreen() {
  return (
    <>
      <ScreenHeader title="Check-ins">
        Short, standard questionnaires to see how you are doing over time.
      </ScreenHeader>
      <ComingNext
        items={[
          'answer well-known questionnaires on stress, mood, worry, wellbeing, burnout and resilience',
          'choose how often you want to check in, if at all',
          'see what a score means in plain words, and how it changes over weeks',
        ]}
      />
    </>
  );
}
