import { posix } from 'node:path';
import { valueImportsOf, type SourceFile } from './layering';

/**
 * DESIGN.md, "The renderer": a feature imports components/, api/, app/ and itself, and takes
 * another feature's piece only through that feature's index.ts; no renderer file is over 400
 * lines; and no import circles (they make a screen impossible to read or load on its own).
 */
export const MAX_RENDERER_FILE_LINES = 400;

const FEATURE = /^src-renderer\/src\/features\/([^/]+)\//;

/** `features/<name>/` of a path, or undefined. */
function featureOf(path: string): string | undefined {
  return FEATURE.exec(path)?.[1];
}

/** The renderer file an import points at (the extension and `/index` left off), or undefined. */
function resolveImport(from: string, specifier: string, known: ReadonlySet<string>): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const base = posix.normalize(posix.join(posix.dirname(from), specifier)).replace(/\.(tsx?|css)$/, '');
  for (const candidate of [base, `${base}/index`]) {
    if (known.has(candidate)) return candidate;
  }
  return undefined;
}

const withoutExtension = (path: string) => path.replace(/\.(tsx?|mts)$/, '');

export function findRendererStructureProblems(files: readonly SourceFile[]): string[] {
  const problems: string[] = [];
  const known = new Set(files.map((file) => withoutExtension(file.path)));
  const graph = new Map<string, string[]>();

  for (const file of files) {
    const lines = file.source.split('\n').length - (file.source.endsWith('\n') ? 1 : 0);
    if (lines > MAX_RENDERER_FILE_LINES) {
      problems.push(`${file.path} has ${lines} lines (at most ${MAX_RENDERER_FILE_LINES})`);
    }
    const from = withoutExtension(file.path);
    const targets: string[] = [];
    for (const specifier of valueImportsOf(file.source)) {
      const target = resolveImport(file.path, specifier, known);
      if (!target) continue;
      targets.push(target);
      const mine = featureOf(file.path);
      const theirs = featureOf(`${target}.ts`);
      if (mine && theirs && mine !== theirs && target !== `src-renderer/src/features/${theirs}/index`) {
        problems.push(
          `${file.path} takes '${specifier}' from features/${theirs}/ (only through its index.ts)`,
        );
      }
    }
    graph.set(from, targets);
  }

  for (const circle of findCircles(graph)) problems.push(`import circle: ${circle.join(' → ')}`);
  return problems;
}

/** Each import circle once, as the files in it (depth-first search; a circle is reported from its first file). */
export function findCircles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const circles: string[][] = [];
  const seen = new Set<string>();
  const reported = new Set<string>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const visit = (node: string) => {
    seen.add(node);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (onStack.has(next)) {
        const circle = stack.slice(stack.indexOf(next));
        const key = [...circle].sort().join('|');
        if (!reported.has(key)) {
          reported.add(key);
          circles.push([...circle, next]);
        }
      } else if (!seen.has(next)) visit(next);
    }
    stack.pop();
    onStack.delete(node);
  };
  for (const node of [...graph.keys()].sort()) if (!seen.has(node)) visit(node);
  return circles;
}
