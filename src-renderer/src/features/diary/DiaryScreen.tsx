import { ComingNext } from '../../components/ComingNext';
import { ScreenHeader } from '../../components/ScreenHeader';

export function DiaryScreen() {
  return (
    <>
      <ScreenHeader title="Diary">Notice what stresses you, and what helps.</ScreenHeader>
      <ComingNext
        items={[
          'note a stressful moment in under a minute: what happened, how stressed, what you did',
          'work through a thought record: the situation, the thought, the evidence, a balanced view',
          'browse your entries by week and search them',
        ]}
      />
    </>
  );
}
