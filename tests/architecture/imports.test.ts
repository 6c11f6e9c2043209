/**
 * Issue 21 point 13 ("the house"): each floor of src/ only looks down. The import graph is read with the
 * TypeScript compiler's own pre-processor (`ts.preProcessFile`, the scanner tsc uses to find a file's
 * imports before type-checking), so every kind of import counts: `import`, `import type`, `export … from`
 * and dynamic `import()`. A type-only import is a circle too: it ties the two files together for every
 * reader and every refactor, even if the compiled JavaScript forgets it.
 *
 * (a) No cycles at all, of any length. (b) The layer rules of DESIGN.md:
 *   core ← store ← app ← platforms / web / cli ← composition root (cli.ts, main.ts, replay.ts, demo, bench);
 *   config.ts and pdf/ are below app (app reads its settings and draws its PDFs with them);
 *   web never talks SQL directly (it calls app use cases, as the chat commands do).
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../support/spawn.js';

/** File (relative to the source root, `/`-separated) → the local files it imports. */
export type ImportGraph = Map<string, string[]>;

/** Reads every .ts file under `root` and the relative imports of each, resolved to files. */
export function importGraph(root: string): ImportGraph {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.ts')) files.push(p);
    }
  };
  walk(root);
  const known = new Set(files);
  const name = (p: string): string => relative(root, p).split('\\').join('/');
  const graph: ImportGraph = new Map();
  for (const f of files) {
    // readImportFiles: also `import()`; detectJavaScriptImports: also `require()`.
    const info = ts.preProcessFile(readFileSync(f, 'utf8'), true, true);
    const deps = new Set<string>();
    for (const i of info.importedFiles) {
      if (!i.fileName.startsWith('.')) continue; // a package, not ours
      const base = resolve(dirname(f), i.fileName);
      const target = [base.replace(/\.js$/, '.ts'), `${base}.ts`, join(base, 'index.ts')].find((c) => known.has(c));
      if (!target) throw new Error(`${name(f)} imports ${i.fileName}, which is not a file under ${root}`);
      deps.add(name(target));
    }
    graph.set(name(f), [...deps].sort());
  }
  return graph;
}

/** The strongly connected components with more than one file (or a file importing itself), by Tarjan's algorithm. */
function circles(graph: ImportGraph): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next);
    next++;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1 || (graph.get(v) ?? []).includes(v)) out.push(scc.sort());
    }
  };
  for (const v of [...graph.keys()].sort()) if (!index.has(v)) visit(v);
  return out;
}

/** One shortest cycle through the first file of a circle, for the failure message: `a.ts → b.ts → a.ts`. */
function shortestCycle(graph: ImportGraph, scc: readonly string[]): string[] {
  const inScc = new Set(scc);
  const start = scc[0]!;
  const from = new Map<string, string>();
  const queue = [start];
  while (queue.length) {
    const v = queue.shift()!;
    for (const w of graph.get(v) ?? []) {
      if (!inScc.has(w)) continue;
      if (w === start) {
        const path = [v];
        while (path[0] !== start) path.unshift(from.get(path[0]!)!);
        return [...path, start];
      }
      if (!from.has(w)) {
        from.set(w, v);
        queue.push(w);
      }
    }
  }
  return [start];
}

/** Each cycle described for a person: the shortest loop, and every file caught in the same circle. */
export function describeCycles(graph: ImportGraph): string[] {
  return circles(graph).map((scc) => `${shortestCycle(graph, scc).join(' → ')}  (${scc.length} files in this circle: ${scc.join(', ')})`);
}

/** The floors of src/, bottom up. */
const FLOORS = ['core', 'store', 'config', 'pdf', 'app', 'platforms', 'web', 'cli', 'root'] as const;
type Floor = (typeof FLOORS)[number];

/** Which floor a file of src/ stands on. */
function floorOf(file: string): Floor | undefined {
  const top = file.split('/')[0]!;
  if (file === 'config.ts') return 'config';
  if (['cli.ts', 'main.ts', 'replay.ts'].includes(file) || top === 'demo' || top === 'bench' || top === 'bin') return 'root';
  return (FLOORS as readonly string[]).includes(top) && top !== 'root' && top !== 'config' ? (top as Floor) : undefined;
}

/** What each floor may import (besides packages). The composition root may import anything. */
const MAY_IMPORT: Record<Floor, readonly Floor[]> = {
  core: ['core'],
  store: ['core', 'store'],
  config: ['core', 'config'],
  pdf: ['core', 'pdf'],
  app: ['core', 'store', 'config', 'pdf', 'app'],
  platforms: ['core', 'store', 'config', 'app', 'platforms'],
  web: ['core', 'config', 'app', 'web'],
  cli: ['core', 'store', 'config', 'pdf', 'app', 'cli'],
  root: FLOORS,
};

/**
 * Imports that break a layer rule on purpose, each with its reason (`from -> to`). The last test below
 * fails when one is no longer needed, so this list only shrinks.
 */
const EXCEPTIONS: Readonly<Record<string, string>> = {
  'config.ts -> app/vocabulary.ts':
    'loadConfig checks the paslon and vocabulary files with the very zod schemas the classifier loads them with ' +
    '(one schema, not two); app/vocabulary.ts imports only core/ and zod, so no circle follows. Moving the loader ' +
    'below app/ would move a file the classifier work edits often (left for after that work lands).',
};

/** Every import that breaks a layer rule (and every file on no floor), as `from -> to: why`. */
export function layerViolations(graph: ImportGraph, exceptions: Readonly<Record<string, string>> = EXCEPTIONS): string[] {
  const out: string[] = [];
  for (const [from, deps] of graph) {
    const f = floorOf(from);
    if (!f) {
      out.push(`${from}: on no floor (add its folder to FLOORS in this test)`);
      continue;
    }
    for (const to of deps) {
      const t = floorOf(to);
      if (t && MAY_IMPORT[f].includes(t)) continue;
      if (`${from} -> ${to}` in exceptions) continue;
      out.push(`${from} -> ${to}: ${f} may import only ${MAY_IMPORT[f].join(', ')}`);
    }
  }
  return out.sort();
}

const SRC = join(ROOT, 'src');

describe('the import graph of src/', () => {
  const graph = importGraph(SRC);

  it('sees every kind of import: static, type-only and dynamic', () => {
    expect(graph.size).toBeGreaterThan(100);
    // A type-only import (platform adapters receive the App).
    expect(graph.get('platforms/telegram/adapter.ts')).toContain('app/app.ts');
    // A dynamic import (the CLI loads `start` only when asked).
    expect(graph.get('cli.ts')).toContain('main.ts');
  });

  it('has no import cycles', () => {
    const cycles = describeCycles(graph);
    expect(cycles, `import cycles in src/:\n${cycles.join('\n')}`).toEqual([]);
  });

  it('keeps the layer rules: each floor only looks down', () => {
    const bad = layerViolations(graph);
    expect(bad, `imports that break the layer rules:\n${bad.join('\n')}`).toEqual([]);
  });

  it('lists no exception that is not needed any more', () => {
    const needed = new Set(layerViolations(graph, {}).map((v) => v.split(':')[0]!));
    expect(Object.keys(EXCEPTIONS).filter((e) => !needed.has(e))).toEqual([]);
  });
});

describe('the checker itself', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jn-imports-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const write = (file: string, text: string): void => {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), text);
  };

  it('names a cycle closed by a type-only import, and a floor that looks up', () => {
    write('app/app.ts', "import { run } from './commands/run.js';\nexport class App { run = run; }\n");
    write('app/commands/run.ts', "import type { App } from '../app.js';\nexport const run = (a?: App) => a;\n");
    write('core/ids.ts', "export { App } from '../app/app.js';\n");
    const g = importGraph(dir);
    expect(describeCycles(g)).toEqual(['app/app.ts → app/commands/run.ts → app/app.ts  (2 files in this circle: app/app.ts, app/commands/run.ts)']);
    expect(layerViolations(g)).toEqual(['core/ids.ts -> app/app.ts: core may import only core']);
  });
});
