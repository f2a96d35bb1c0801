import { join } from 'node:path';
import { measureSchema, type Measure } from '../../contract/measures';
import { listContentFiles } from './content-files';
import { ContentError, readJsonContent } from './content-files';

const FILE_NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*\.json$/;

/** One questionnaire, content/measures/<id>.json, validated at load. */
export function loadMeasure(contentDir: string, id: string): Measure {
  if (!FILE_NAME.test(`${id}.json`)) {
    throw new ContentError(join(contentDir, 'measures'), [`"${id.slice(0, 40)}" is not a measure id`]);
  }
  return readMeasureFile(join(contentDir, 'measures', `${id}.json`), id);
}

/**
 * Every questionnaire in content/measures/, in file-name order. Also checks what one file cannot
 * check alone: each band's `suggestMeasures` names a questionnaire that is shipped, and no two
 * share a plain name.
 */
export function loadMeasures(contentDir: string): Measure[] {
  const dir = join(contentDir, 'measures');
  const names = listContentFiles(dir, '.json', { slugNames: true });
  const measures = names.map((name) => readMeasureFile(join(dir, name), name.replace(/\.json$/, '')));

  // Two checks called the same would be indistinguishable in the list and the history.
  const plainNames = new Map<string, string>();
  for (const [index, measure] of measures.entries()) {
    const key = measure.plainName.toLowerCase();
    const earlier = plainNames.get(key);
    if (earlier) {
      throw new ContentError(join(dir, names[index] ?? ''), [
        `plainName: "${measure.plainName}" is already the plain name of ${earlier}`,
      ]);
    }
    plainNames.set(key, measure.id);
  }

  const ids = new Set(measures.map((m) => m.id));
  for (const [index, measure] of measures.entries()) {
    const problems: string[] = [];
    measure.scales.forEach((scale, s) =>
      scale.bands.forEach((band, b) =>
        band.suggestMeasures.forEach((suggested, k) => {
          if (!ids.has(suggested)) {
            problems.push(
              `scales.${s}.bands.${b}.suggestMeasures.${k}: no questionnaire "${suggested}" in ${dir}`,
            );
          }
        }),
      ),
    );
    if (problems.length > 0) throw new ContentError(join(dir, names[index] ?? ''), problems);
  }
  return measures;
}

function readMeasureFile(file: string, expectedId: string): Measure {
  const data = readJsonContent(file, measureSchema);
  if (data.id !== expectedId) {
    throw new ContentError(file, [`id: "${data.id}" does not match the file name "${expectedId}.json"`]);
  }
  return data;
}
