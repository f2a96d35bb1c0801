import { ComingNext } from '../../components/ComingNext';
import { ScreenHeader } from '../../components/ScreenHeader';

export function CourseScreen() {
  return (
    <>
      <ScreenHeader title="Course">
        An eight-week course in bite-size steps, done in any order and at your own pace.
      </ScreenHeader>
      <ComingNext
        items={[
          'work through seven core modules and three optional ones, from understanding stress to staying well',
          'see how long each step takes, with a 5-minute route through every module',
          'fill in exercises that are saved, encrypted, for you to revisit',
          'see what you have done and what is left, without any pressure',
        ]}
      />
    </>
  );
}
