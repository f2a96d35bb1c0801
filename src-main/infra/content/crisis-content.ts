import { join } from 'node:path';
import { crisisResourcesSchema, type CrisisResources } from '../../contract';
import { readJsonContent } from './content-files';

/** The crisis resources shipped for a country (content/crisis/<cc>.json), validated at load. */
export function loadCrisisContent(contentDir: string, country: string): CrisisResources {
  const file = join(contentDir, 'crisis', `${country.toLowerCase()}.json`);
  return readJsonContent(file, crisisResourcesSchema);
}
