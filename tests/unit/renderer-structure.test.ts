import { describe, expect, it } from 'vitest';
import { projectRoot, readSources } from '../helpers/layering';
import { findRendererStructureProblems } from '../helpers/renderer-structure';

/**
 * Issue 17 point 12. What the renderer still owes DESIGN.md is listed here by name, so the list can
 * only shrink: a new long file, a new reach into another feature or a new circle fails, and so does
 * paying off a debt without striking it from this list.
 */
const KNOWN_DEBT: readonly string[] = [];

describe('renderer structure (DESIGN.md, "The renderer")', () => {
  it('owes nothing beyond the debts listed by name', () => {
    const files = readSources(projectRoot, ['src-renderer/src']);
    expect(files.length).toBeGreaterThan(50);
    expect(findRendererStructureProblems(files).sort()).toEqual([...KNOWN_DEBT].sort());
  });

  const feature = (name: string, path: string, source: string) => ({
    path: `src-renderer/src/features/${name}/${path}`,
    source,
  });

  it('finds a feature reaching past another feature’s index.ts, and allows the index', () => {
    const files = [
      feature(
        'diary',
        'Diary.tsx',
        "import { Room } from '../rooms/RoomScreen';\nimport { x } from '../rooms';",
      ),
      feature('rooms', 'RoomScreen.tsx', 'export const Room = 1;'),
      feature('rooms', 'index.ts', "export { Room } from './RoomScreen';"),
    ];
    expect(findRendererStructureProblems(files)).toEqual([
      "src-renderer/src/features/diary/Diary.tsx takes '../rooms/RoomScreen' from features/rooms/ (only through its index.ts)",
    ]);
  });

  it('finds a file over 400 lines and an import circle, but not type-only imports', () => {
    const files = [
      feature('rooms', 'A.tsx', "import { b } from './B';\n" + 'x\n'.repeat(400)),
      feature('rooms', 'B.tsx', "import { c } from './C';"),
      feature('rooms', 'C.tsx', "import { a } from './A';\nimport type { T } from '../diary/Types';"),
      feature('diary', 'Types.ts', 'export type T = 1;'),
    ];
    expect(findRendererStructureProblems(files)).toEqual([
      'src-renderer/src/features/rooms/A.tsx has 401 lines (at most 400)',
      'import circle: src-renderer/src/features/rooms/A → src-renderer/src/features/rooms/B → src-renderer/src/features/rooms/C → src-renderer/src/features/rooms/A',
    ]);
  });
});
