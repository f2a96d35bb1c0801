import { join } from 'node:path';
import { shippedCrisisResourcesSchema, type ShippedCrisisResources } from '../../contract';
import { ContentError, listContentFiles, readJsonContent } from './content-files';

/** The crisis resources shipped for a country (content/crisis/<cc>.json), validated at load. */
export function loadCrisisContent(contentDir: string, country: string): ShippedCrisisResources {
  const file = join(contentDir, 'crisis', `${country.toLowerCase()}.json`);
  const list = readJsonContent(file, shippedCrisisResourcesSchema);
  if (list.country !== country.toUpperCase())
    throw new ContentError(file, [`country: must be "${country.toUpperCase()}", as the file is named`]);
  return list;
}

/** Every country's list in content/crisis/, in file order. */
export function loadAllCrisisContent(contentDir: string): ShippedCrisisResources[] {
  return listContentFiles(join(contentDir, 'crisis'), '.json').map((file) =>
    loadCrisisContent(contentDir, file.replace(/^.*[\\/]/, '').replace(/\.json$/, '')),
  );
}
