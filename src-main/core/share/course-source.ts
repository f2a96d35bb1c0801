import { courseShareSource } from '../course/share';
import type { AppServices } from '../app-handlers';
import type { CourseShareSource } from './share-sources';

/**
 * The course's part of sharing: progress for each module the user has started and their saved
 * exercise answers, read from the vault (core/course/share.ts). Called only while unlocked.
 */
export function readCourseForSharing(services: AppServices): CourseShareSource {
  return courseShareSource(services.course ?? [], services.vault.course());
}
