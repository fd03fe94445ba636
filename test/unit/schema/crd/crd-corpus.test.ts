/**
 * The CustomResourceDefinitions of the real-world corpus (../shared/corpus/real-world
 * next to this checkout; manifests that clusters accept) pass the CRD check,
 * every CEL rule in them compiles, and the custom resources of the corpus pass
 * the rules of their CRDs. Without the corpus the tests are skipped and say why.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { formatPath } from '../../../../src/engine/paths.js';
import { isRecord } from '../../../../src/model/records.js';
import { runCelValidations } from '../../../../src/schema/crd/cel-validations.js';
import { checkCrd } from '../../../../src/schema/crd/check-crd.js';
import { buildCrdCatalog, objectAsCreated, type CrdSource } from '../../../../src/schema/crd/crd-catalog.js';
import { isCrdObject, readCrd } from '../../../../src/schema/crd/crd-object.js';
import { compileNodeRules } from '../../../../src/schema/crd/crd-rules.js';
import { schemaHas } from '../../../../src/schema/crd/schema-json.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const CORPUS = path.resolve(ROOT, '..', 'shared', 'corpus', 'real-world');
const present = existsSync(CORPUS);
if (!present) console.log(`skipped the CRD corpus tests: ${CORPUS} does not exist`);

/** Every object of the corpus that has an apiVersion, with where it was read. */
function corpusObjects(): CrdSource[] {
  const files = readdirSync(CORPUS, { recursive: true, encoding: 'utf8' }).filter((file) => /\.ya?ml$/.test(file));
  return files.flatMap((file) => {
    const documents = parseAllDocuments(readFileSync(path.join(CORPUS, file), 'utf8'));
    return (Array.isArray(documents) ? documents : []).flatMap((document, documentIndex) => {
      const object: unknown = document.toJS();
      return isRecord(object) && typeof object.apiVersion === 'string' ? [{ object, file, documentIndex }] : [];
    });
  });
}

const objects = present ? corpusObjects() : [];
const crds = objects.filter((source) => isCrdObject(source.object));

describe.skipIf(!present)('the CRDs of the real-world corpus', () => {
  it('pass the CRD check', () => {
    const problems = crds.flatMap((source) =>
      checkCrd(source.object).map(
        (problem) => `${source.file}#${source.documentIndex} ${formatPath(problem.path)}: ${problem.message}`,
      ),
    );
    expect(problems).toEqual([]);
    expect(crds.length).toBeGreaterThan(90);
    console.log(`CRD check: ${crds.length} CustomResourceDefinitions, ${problems.length} problems`);
  });

  it('have CEL rules that all compile', () => {
    const failures: string[] = [];
    let rules = 0;
    const schemas = crds.flatMap((source) =>
      (readCrd(source.object)?.versions ?? []).map((version) => ({ source, version })),
    );
    for (const { source, version } of schemas) {
      schemaHas(version.schema, (node) => {
        for (const rule of compileNodeRules(node, node === version.schema)) {
          rules++;
          if (rule.error !== undefined || rule.messageError !== undefined)
            failures.push(`${source.file}: ${rule.rule}: ${rule.error ?? rule.messageError}`);
        }
        return false;
      });
    }
    expect(failures).toEqual([]);
    expect(rules).toBeGreaterThan(80);
    console.log(`CEL rules in the corpus CRDs: ${rules} compiled, ${failures.length} failed`);
  });

  it('define the custom resources of the corpus, which pass their rules', () => {
    const catalog = buildCrdCatalog(crds);
    const served = objects.flatMap((source) => {
      const found = catalog.lookup(
        (source.object as { apiVersion: string }).apiVersion,
        String((source.object as { kind?: unknown }).kind),
      );
      return found.status === 'found' ? [{ source, entry: found.entry }] : [];
    });
    const problems = served.flatMap(({ source, entry }) =>
      runCelValidations(objectAsCreated(source.object as Record<string, unknown>, entry), entry.schema).map(
        (problem) => `${source.file} ${formatPath(problem.path)}: ${problem.message}`,
      ),
    );
    expect(problems).toEqual([]);
    expect(catalog.conflicts).toEqual([]);
    expect(served.length).toBeGreaterThan(60);
    console.log(`custom resources with a CRD in the corpus: ${served.length}, CEL problems: ${problems.length}`);
  });
});
