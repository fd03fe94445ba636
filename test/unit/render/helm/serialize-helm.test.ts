/**
 * toYaml, toJson, fromYaml and their kin against the real Helm 4.1.4, byte
 * for byte: one probe chart holds every case, with the values in its
 * values.yaml so that they reach both Helm and k8s-bp as Helm decodes them.
 */
import { describe, expect, it } from 'vitest';
import { readSingleDocument } from '../../../../src/load/kube-yaml/single-document.js';
import { goValueOf } from '../../../../src/render/helm/functions/decoded-values.js';
import { DESERIALIZE_FUNCTIONS } from '../../../../src/render/helm/functions/deserialize.js';
import { SERIALIZE_FUNCTIONS } from '../../../../src/render/helm/functions/serialize.js';
import { isGoMap, type GoValue } from '../../../../src/render/helm/go-values.js';
import {
  probeValuesYaml,
  renderHelmProbes,
  type HelmProbe,
  type ProbeResult,
} from '../../../helpers/helm-expression-probes.js';
import { referenceBinaries } from '../../../helpers/reference-binaries.js';
import { serializeCases } from './serialize-cases.js';

const binaries = referenceBinaries();
if (typeof binaries === 'string') console.log(`skipped the differential tests against Helm: ${binaries}`);

const FUNCTIONS = { ...SERIALIZE_FUNCTIONS, ...DESERIALIZE_FUNCTIONS };

/** k8s-bp's result for a pipeline of functions (`fromYaml|toJson`) applied to a value. */
function ours(functions: string, value: GoValue): ProbeResult {
  try {
    let result = value;
    for (const name of functions.split('|')) {
      const fn = FUNCTIONS[name];
      if (!fn) throw new Error(`no function ${name}`);
      result = fn(result);
    }
    return { output: typeof result === 'string' ? result : JSON.stringify(result) };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

/** The probes' values as Helm decodes them, read with k8s-bp's own decoder. */
function decodedValues(probes: readonly HelmProbe[]): GoValue[] {
  const read = readSingleDocument(probeValuesYaml(probes));
  if ('error' in read) throw new Error(`values.yaml: ${read.error} at ${read.line}:${read.column}`);
  const values = goValueOf(read.value);
  if (!isGoMap(values)) throw new Error('values.yaml is not a map');
  return probes.map((_, index) => values[`c${index}`] ?? null);
}

describe.skipIf(typeof binaries === 'string')('toYaml, toJson, fromYaml and kin against Helm 4.1.4', () => {
  it('prints every case byte for byte as Helm does', () => {
    const cases = serializeCases();
    const probes = cases.map(({ value, functions }) => {
      const [first, ...rest] = functions.split('|');
      return { value, expression: [`${first} .Values.v`, ...rest].join(' | ') };
    });
    const helm = renderHelmProbes(typeof binaries === 'string' ? '' : binaries.helm, probes);
    const values = decodedValues(probes);
    const mismatches = cases.flatMap((testCase, index) => {
      const expected = helm[index];
      const actual = ours(testCase.functions, values[index] ?? null);
      return JSON.stringify(actual) === JSON.stringify(expected) ? [] : [{ ...testCase, expected, actual }];
    });
    console.log(`serialization cases matching Helm: ${cases.length - mismatches.length} of ${cases.length}`);
    expect(mismatches).toEqual([]);
    expect(cases.length).toBeGreaterThanOrEqual(200);
  });
});
