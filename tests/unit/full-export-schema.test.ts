import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { describe, expect, it } from 'vitest';
import { fullExportJsonSchema } from '../helpers/full-export-schema';
import { projectRoot } from '../helpers/layering';

/*
 * docs/full-export.schema.json is what people outside Stillroom read to use their data, and what
 * the export tests validate data.json against with ajv. It is generated from the zod schema the
 * export itself is checked with, so the two cannot drift: this test fails when they differ.
 * `UPDATE_DOCS=1 npx vitest run tests/unit/full-export-schema.test.ts` writes it afresh.
 */

const DOC = join(projectRoot, 'docs', 'full-export.schema.json');

describe('the documented full-export schema', () => {
  it('is exactly what the export is checked with', async () => {
    // Formatted as the repository's Prettier check wants it, so `npm run lint` agrees.
    const generated = await format(JSON.stringify(fullExportJsonSchema()), {
      ...(await resolveConfig(DOC)),
      filepath: DOC,
    });
    if (process.env.UPDATE_DOCS === '1') writeFileSync(DOC, generated);
    expect(existsSync(DOC), 'docs/full-export.schema.json is missing').toBe(true);
    expect(readFileSync(DOC, 'utf8')).toBe(generated);
  });

  it('describes every top-level part for a reader', () => {
    const schema = JSON.parse(readFileSync(DOC, 'utf8')) as {
      description?: string;
      properties: Record<string, { description?: string }>;
      required: string[];
    };
    expect(schema.description).toMatch(/Everything Stillroom keeps/);
    for (const key of ['diary', 'thoughtRecords', 'checkins', 'course', 'rooms', 'reminders', 'settings']) {
      expect(schema.required).toContain(key);
    }
    expect(schema.properties.diary?.description).toBeTruthy();
  });
});
