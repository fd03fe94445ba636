/**
 * Our Sprig functions against the real Helm (4.1.4 and 3.17.3): every case of
 * `functions-cases.ts` is rendered by `helm template` (one probe template per
 * case, in one chart) and by our functions through a small evaluator, and
 * both print the result's kind and Go `%v` form, or fail with the same error.
 */
import { describe, expect, it } from 'vitest';
import { sprigFunctions } from '../../../../src/render/helm/functions/index.js';
import { formatGoValue } from '../../../../src/render/helm/functions/go-format.js';
import { kindOf, type GoValue } from '../../../../src/render/helm/go-values.js';
import { CallError, ExpressionEvaluator, TEST_BUILTINS } from '../../../helpers/go-template-expression.js';
import { renderEachProbe, renderProbes, type ProbeResult } from '../../../helpers/helm-probe.js';
import { referenceBinaries } from '../../../helpers/reference-binaries.js';
import { FUNCTION_CASES, PROBE_VALUES, type FunctionCase } from './functions-cases.js';

const binaries = referenceBinaries();
if (typeof binaries === 'string') console.log(`skipped the Sprig functions compared with Helm: ${binaries}`);

type Outcome = { output: string } | { error: string; callOf?: string };

function evaluate(item: FunctionCase): Outcome {
  const values = JSON.parse(JSON.stringify(PROBE_VALUES)) as GoValue;
  const evaluator = new ExpressionEvaluator({ ...sprigFunctions, ...TEST_BUILTINS }, values);
  try {
    for (const statement of item.setup ?? []) evaluator.run(statement);
    const result = evaluator.run(item.expr);
    return { output: `${kindOf(result)}|${formatGoValue(result)}` };
  } catch (error) {
    if (error instanceof CallError) return { error: error.message, callOf: error.functionName };
    return { error: (error as Error).message };
  }
}

function probeBody(item: FunctionCase & { name: string }): string {
  const setup = (item.setup ?? []).map((statement) => `{{- ${statement} }}\n`).join('');
  return `${setup}{{- $r := ${item.expr} }}\n${item.name}: {{ printf "%s|%v" (kindOf $r) $r | b64enc | quote }}\n`;
}

/**
 * Cases where our value model cannot follow Go. It has one integer type, so
 * a template's `int` constant and Sprig's `int64` results look alike; and
 * Helm's root `.Values` is a named map type (`common.Values`), which typed
 * parameters accept but `dig`'s type assertion refuses.
 */
const KNOWN_DIFFERENCES = new Map([
  ['trunc (add 1 2) "abcdef"', 'Go refuses an int64 where a function declares int; we cannot tell them apart'],
  ['dig "m" "b" "c" "none" .Values', 'dig refuses the root .Values, whose Go type is not map[string]interface {}'],
  ['dig "m" "missing" "c" "none" .Values', 'the same'],
]);

/** Go names a template constant's kind `int`; our model says `int64` for every integer. */
const asInt64 = (text: string) =>
  text.replace(/^int\|/, 'int64|').replace(/(on type|type|interface \{\} is) int\b/g, '$1 int64');

/** Whether Helm's result is ours. */
function agrees(ours: Outcome, helm: ProbeResult | undefined): boolean {
  if (helm === undefined) return false;
  if ('output' in ours) return 'output' in helm && asInt64(helm.output) === ours.output;
  if (!('error' in helm)) return false;
  const expected = ours.callOf === undefined ? ours.error : `error calling ${ours.callOf}: ${ours.error}`;
  return asInt64(helm.error).includes(expected);
}

async function compare(helm: string): Promise<{ agreeing: number; errors: number; mismatches: Mismatch[] }> {
  const values = JSON.stringify(PROBE_VALUES);
  const ours = new Map(FUNCTION_CASES.map((item) => [item.name, evaluate(item)]));
  const probe = (item: FunctionCase & { name: string }) => ({ name: item.name, body: probeBody(item) });
  const failing = (item: { name: string }) => 'error' in ours.get(item.name)!;
  const results = new Map([
    ...(await renderProbes(helm, FUNCTION_CASES.filter((item) => !failing(item)).map(probe), values)),
    ...(await renderEachProbe(helm, FUNCTION_CASES.filter(failing).map(probe), values)),
  ]);
  const mismatches = FUNCTION_CASES.flatMap((item) => {
    const theirs = results.get(item.name);
    const mine = ours.get(item.name)!;
    return agrees(mine, theirs) ? [] : [{ name: item.name, expr: item.expr, ours: mine, helm: theirs }];
  });
  const errors = FUNCTION_CASES.filter((item) => 'error' in (results.get(item.name) ?? {})).length;
  return { agreeing: FUNCTION_CASES.length - mismatches.length, errors, mismatches };
}

interface Mismatch {
  name: string;
  expr: string;
  ours: Outcome;
  helm: ProbeResult | undefined;
}

describe.skipIf(typeof binaries === 'string')('Sprig functions compared with helm template', () => {
  const versions =
    typeof binaries === 'string' ? [] : [['4.1.4', binaries.helm] as const, ['3.17.3', binaries.helm3] as const];
  it.each(versions)(
    'give what Helm %s gives, value for value and error for error',
    async (version, helm) => {
      const { agreeing, errors, mismatches } = await compare(helm);
      console.log(
        `Sprig functions vs Helm ${version}: ${agreeing}/${FUNCTION_CASES.length} cases agree ` +
          `(${errors} of them Helm errors); known differences: ${KNOWN_DIFFERENCES.size}`,
      );
      const unexpected = mismatches.filter((mismatch) => !KNOWN_DIFFERENCES.has(mismatch.expr));
      expect(unexpected).toEqual([]);
      expect(mismatches.map((mismatch) => mismatch.expr).sort()).toEqual([...KNOWN_DIFFERENCES.keys()].sort());
    },
    300_000,
  );
});
