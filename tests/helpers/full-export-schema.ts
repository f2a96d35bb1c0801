import { Ajv2020 } from 'ajv/dist/2020.js';
import { z } from 'zod';
import { fullExportSchema } from '../../src-main/contract';

/** The JSON Schema (draft 2020-12) of data.json in a full export, from the zod schema. */
export function fullExportJsonSchema(): Record<string, unknown> {
  return {
    $id: 'https://stillroom.invalid/full-export.schema.json',
    title: 'Stillroom full export (data.json)',
    ...z.toJSONSchema(fullExportSchema, { io: 'output', target: 'draft-2020-12' }),
  };
}

/** ajv's verdict on `value` against the schema as documented (the file in docs/). */
export function validateAgainstDocs(schema: object, value: unknown): { valid: boolean; errors: string[] } {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  const validate = ajv.compile(schema);
  const valid = validate(value);
  return {
    valid,
    errors: (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message ?? ''}`),
  };
}
