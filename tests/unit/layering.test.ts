import { describe, expect, it } from 'vitest';
import { findLayerViolations, importsOf, projectRoot, readSources } from '../helpers/layering';

describe('layering (DESIGN.md)', () => {
  it('holds for the whole source tree', () => {
    const files = readSources(projectRoot, ['src-main', 'src-renderer/src']);
    expect(files.length).toBeGreaterThan(20);
    expect(findLayerViolations(files)).toEqual([]);
  });

  it('finds every kind of import statement', () => {
    expect(
      importsOf(
        `import a from 'a';\nimport { b } from "b";\nimport 'c';\nexport * from './d';\nconst e = await import('e');\nconst f = require("f");\nimport type { G } from 'g';`,
      ),
    ).toEqual(['a', 'b', 'c', './d', 'e', 'f', 'g']);
  });

  it.each([
    ['src-main/core/x.ts', "import { readFileSync } from 'node:fs';", /no Node built-ins/],
    ['src-main/core/x.ts', "import fs from 'fs';", /no Node built-ins/],
    [
      'src-main/contract/x.ts',
      "import Database from 'better-sqlite3-multiple-ciphers';",
      /no native modules/,
    ],
    ['src-main/core/x.ts', "import { app } from 'electron';", /shell\/ and preload\/ only/],
    ['src-main/infra/x.ts', "import { safeStorage } from 'electron';", /shell\/ and preload\/ only/],
    ['src-main/host/x.ts', "import Store from 'electron-store';", /shell\/ and preload\/ only/],
    ['src-renderer/src/x.tsx', "import { ipcRenderer } from 'electron';", /shell\/ and preload\/ only/],
    [
      'src-renderer/src/x.tsx',
      "import { x } from '../../src-main/core/y';",
      /may not depend on src-main\/core/,
    ],
    ['src-main/core/x.ts', "import { x } from '../infra/y';", /may not depend on src-main\/infra/],
    ['src-main/contract/x.ts', "import { x } from '../core/y';", /may not depend on src-main\/core/],
    ['src-main/core/x.ts', "const x = require('child_process');", /no Node built-ins/],
    ['src-main/core/x.ts', "import dayjs from 'left-pad';", /may use only zod/],
    [
      'src-renderer/src/x.tsx',
      "import { apiContract } from '../../src-main/contract';",
      /only use contract\/plain/,
    ],
  ])('catches %s: %s', (path, source, message) => {
    const violations = findLayerViolations([{ path, source }]);
    expect(violations).toHaveLength(1);
    expect(violations[0]).toMatch(message);
  });

  it('allows what the design allows', () => {
    expect(
      findLayerViolations([
        {
          path: 'src-main/shell/x.ts',
          source: "import { app } from 'electron';\nimport { y } from '../core/y';",
        },
        { path: 'src-main/preload/x.ts', source: "import { contextBridge } from 'electron';" },
        { path: 'src-main/infra/x.ts', source: "import { readFileSync } from 'node:fs';" },
        { path: 'src-main/core/x.ts', source: "import { z } from 'zod';\nimport { a } from '../contract';" },
        { path: 'src-renderer/src/x.tsx', source: "import type { A } from '../../src-main/contract';" },
        { path: 'src-renderer/src/y.tsx', source: "import { THEMES } from '../../src-main/contract/plain';" },
      ]),
    ).toEqual([]);
  });
});
