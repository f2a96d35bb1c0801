import type { Measure, Policy } from '../../contract';

/**
 * The questionnaires Stillroom may offer here. A licence that asks for permission for commercial
 * use (PSS-10) is honoured by leaving that questionnaire out, unless the organisation's policy
 * says it holds the permission. An employer deploying Stillroom is commercial use, and Stillroom
 * cannot tell a private install from a managed one, so without that statement it stays hidden.
 */
export function licensedMeasures(measures: readonly Measure[], policy: Policy | undefined): Measure[] {
  const held = new Set(policy?.licences?.commercialPermission ?? []);
  return measures.filter((measure) => measure.licence.commercialUse === 'free' || held.has(measure.id));
}
