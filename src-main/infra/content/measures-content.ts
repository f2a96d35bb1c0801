import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { measureSchema, type Measure } from '../../contract/measures';
import { describeZodIssues } from '../../core/validation/describe-issues';
import { listContentFiles } from './content-files';
import { ContentError } from './crisis-content';

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
 * check alone: each band's `suggestMeasures` names a questionnaire that is shipped.
 */
export function loadMeasures(contentDir: string): Measure[] {
  const dir = join(contentDir, 'measures');
  const names = listContentFiles(dir, '.json', { slugNames: true });
  const measures = names.map((name) => readMeasureFile(join(dir, name), name.replace(/\.json$/, '')));

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
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ContentError(file, [error instanceof Error ? error.message : String(error)]);
  }
  const parsed = measureSchema.safeParse(json);
  if (!parsed.success) throw new ContentError(file, describeZodIssues(parsed.error.issues));
  if (parsed.data.id !== expectedId) {
    throw new ContentError(file, [
      `id: "${parsed.data.id}" does not match the file name "${expectedId}.json"`,
    ]);
  }
  return parsed.data;
}
