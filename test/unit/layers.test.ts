/**
 * The layering that ARCHITECTURE.md describes, checked on the import
 * statements of src/ and rules/, so that a change that bends it fails here
 * rather than in a reviewer's head.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

interface Module {
  /** Repository path, such as `src/engine/evaluate.ts`. */
  file: string;
  text: string;
  /** Repository paths of the modules it imports, statically or with `import()`. */
  imports: string[];
}

const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)'(\.{1,2}\/[^']+)'/gm;

function modulesUnder(folder: string): Module[] {
  const entries = readdirSync(path.join(ROOT, folder), { recursive: true, encoding: 'utf8' });
  return entries
    .filter((entry) => entry.endsWith('.ts'))
    .map((entry) => {
      const file = path.posix.join(folder, entry.split(path.sep).join('/'));
      const text = readFileSync(path.join(ROOT, file), 'utf8');
      const imports = [...text.matchAll(SPECIFIER)].map((match) =>
        path.posix.join(path.posix.dirname(file), (match[1] ?? '').replace(/\.js$/, '.ts')),
      );
      return { file, text, imports };
    });
}

const modules = [...modulesUnder('src'), ...modulesUnder('rules')];

/** Every import from a module under one of `from` into one under one of `to`, as `importer → imported`. */
function crossings(from: readonly string[], to: readonly string[], except: readonly string[] = []): string[] {
  const within = (file: string, folders: readonly string[]) => folders.some((folder) => file.startsWith(folder));
  return modules
    .filter((module) => within(module.file, from) && !except.includes(module.file))
    .flatMap((module) =>
      module.imports.filter((imported) => within(imported, to)).map((to) => `${module.file} → ${to}`),
    );
}

describe('layers', () => {
  it('finds the imports it checks', () => {
    expect(crossings(['src/lint.ts'], ['src/lint/']).length).toBeGreaterThan(3);
  });

  it('rules use only the kit and the model', () => {
    const outside = modules
      .filter((module) => module.file.startsWith('rules/'))
      .flatMap((module) =>
        module.imports
          .filter((imported) => imported.startsWith('src/'))
          .filter((imported) => !imported.startsWith('src/kit/') && !imported.startsWith('src/model/'))
          .map((imported) => `${module.file} → ${imported}`),
      );
    expect(outside).toEqual([]);
  });

  it('only the front ends choose the rule catalogue', () => {
    expect(crossings(['src/'], ['rules/'], ['src/cli/main.ts', 'src/action/entry.ts'])).toEqual([]);
  });

  it('the engine and the kit know nothing of the front ends, the config, the rules or adoption', () => {
    expect(
      crossings(['src/engine/', 'src/kit/'], ['src/cli/', 'src/action/', 'src/config/', 'src/adopt/', 'rules/']),
    ).toEqual([]);
  });

  it('rendering builds inputs without the front ends, the config, the rules, the engine or adoption', () => {
    expect(
      crossings(['src/render/'], ['src/cli/', 'src/action/', 'src/config/', 'src/adopt/', 'src/engine/', 'rules/']),
    ).toEqual([]);
  });

  it('schema validation judges objects without the front ends, the config, the engine, rendering or the rules', () => {
    const beyond = ['src/cli/', 'src/action/', 'src/config/', 'src/adopt/', 'src/engine/', 'src/lint', 'src/render/'];
    // Path formatting and label-key syntax are shared facts that happen to live beside the engine.
    const shared = ['src/engine/paths.ts', 'src/engine/label-selector.ts'];
    const crossing = crossings(['src/schema/'], [...beyond, 'rules/']);
    expect(crossing.filter((line) => !shared.some((file) => line.endsWith(`→ ${file}`)))).toEqual([]);
  });

  it('the model stands on nothing else', () => {
    expect(crossings(['src/model/'], ['src/', 'rules/']).filter((line) => !line.includes('→ src/model/'))).toEqual([]);
  });

  it('reports are written without the CLI, and no front end leans on the other', () => {
    expect(crossings(['src/report/'], ['src/cli/', 'src/action/'])).toEqual([]);
    expect(crossings(['src/action/'], ['src/cli/'])).toEqual([]);
    expect(crossings(['src/cli/'], ['src/action/'])).toEqual([]);
  });

  it('only the front ends choose exit codes', () => {
    const exiting = modules
      .filter((module) => !module.file.startsWith('src/cli/') && !module.file.startsWith('src/action/'))
      .filter((module) => /\bprocess\.(exit|exitCode)\b/.test(module.text))
      .map((module) => module.file);
    expect(exiting).toEqual([]);
  });
});
