import { ComingNext } from '../../components/ComingNext';
import { ScreenHeader } from '../../components/ScreenHeader';

export function LibraryScreen() {
  return (
    <>
      <ScreenHeader title="Library">Advice to dip into, for as long as you like.</ScreenHeader>
      <ComingNext
        items={[
          'read short articles (2 to 6 minutes) on sleep, worry, workload, boundaries and more',
          'search them, bookmark them and keep some for later',
          'get new articles when your organisation or Stillroom adds them',
        ]}
      />
    </>
  );
}
