import type { ShareCourseAnswer, ShareCourseModule } from '../../contract/share';
import type { StoredResult } from '../../contract/checkins';
import type { StressEntry } from '../../contract/diary';
import type { ThoughtRecord } from '../../contract/thoughts';

/** What the course can offer for sharing: progress per module and the user's exercise answers. */
export interface CourseShareSource {
  modules: ShareCourseModule[];
  answers: ShareCourseAnswer[];
}

/**
 * Everything a user could choose to share, read from their vault when the share screen asks.
 * Each method reads everything of its kind; the export model then keeps only what was chosen.
 */
export interface ShareSources {
  diaryEntries(): StressEntry[];
  thoughtRecords(): ThoughtRecord[];
  /** Every stored check-in result, grouped by questionnaire. */
  checkinResults(): { measureId: string; results: StoredResult[] }[];
  course(): CourseShareSource;
}
