import type { AppServices } from '../app-handlers';
import { NO_COURSE, type CourseShareSource } from './share-sources';

/**
 * The course's part of sharing. The course is built on another branch: until it is merged there
 * is no course data, so this offers nothing rather than anything made up.
 *
 * MERGE: replace the body with the course's module progress (one `ShareCourseModule` per module
 * the user has started) and its saved exercise answers (one `ShareCourseAnswer` each, with a
 * stable id), read from the vault through `services.vault`.
 */
export function readCourseForSharing(services: AppServices): CourseShareSource {
  void services;
  return NO_COURSE;
}
