/**
 * Runs the CEL of a Gatekeeper ConstraintTemplate (its `K8sNativeValidation`
 * code) for a constraint, as Gatekeeper's CEL engine does: the template's
 * `variables`, `matchConditions` and `validations`, with two variables
 * Gatekeeper defines before the template's own: `variables.params`, the
 * constraint's parameters (null when it has none), and `variables.anyObject`,
 * the object under review (the old object on a DELETE). The top-level
 * `params` is the constraint itself.
 */
import { toCel } from '../cel/cel-values.js';
import type { ManifestProblem, TemplateManifest, ConstraintManifest } from './manifests.js';
import type { Rule, RuleMeta, Violation } from '../model/types.js';
import { reviewActivation } from '../cel/activation.js';
import { compileProgram, runProgram, type CelProgram } from '../cel/program.js';
import { GATEKEEPER_CEL_DOC } from '../model/finding-ids.js';

const META: RuleMeta = {
  ...GATEKEEPER_CEL_DOC,
  defaultKinds: [],
  schema: {},
  messages: { violation: '{{message}}' },
};

/** Gatekeeper's reserved variable names. */
const RESERVED = ['params', 'anyObject'];

const programs = new WeakMap<TemplateManifest, CelProgram | ManifestProblem>();

/** The template's CEL program, compiled once; a problem names the field that does not compile. */
export function templateProgram(template: TemplateManifest): CelProgram | ManifestProblem | undefined {
  if (!template.cel) return undefined;
  let program = programs.get(template);
  if (!program) {
    const compiled = compileProgram(template.cel.source, RESERVED);
    const [problem] = 'problems' in compiled ? compiled.problems : [];
    program = problem
      ? {
          resource: template.resource,
          path: [...template.cel.path, ...problem.path],
          message: `ConstraintTemplate ${template.kind}: ${problem.message}`,
        }
      : 'program' in compiled
        ? compiled.program
        : { resource: template.resource, path: template.cel.path, message: 'cannot be compiled' };
    programs.set(template, program);
  }
  return program;
}

/** A rule that runs the template's program for one constraint. */
export function celConstraintRule(template: TemplateManifest, program: CelProgram, manifest: ConstraintManifest): Rule {
  const failurePolicy = template.cel?.source.failurePolicy === 'Ignore' ? 'Ignore' : 'Fail';
  const constraint = toCel(manifest.resource.object);
  return {
    meta: META,
    *check(resource, params, ctx): Generator<Violation> {
      const activation: Record<string, unknown> = {
        ...reviewActivation(resource, ctx.inventory, ctx.defaultNamespace, ''),
        params: constraint,
      };
      const parameters = manifest.parameters === undefined || manifest.parameters === null ? null : toCel(params);
      const preamble = new Map<string, () => unknown>([
        ['params', () => parameters],
        ['anyObject', () => activation.object ?? activation.oldObject],
      ]);
      const result = runProgram(program, activation, preamble);
      const [failure] = result.failures;
      if (failure && failurePolicy === 'Fail') {
        throw new Error(
          `template ${template.kind}: expression ${JSON.stringify(failure.expression.trim())} failed: ${failure.message}`,
        );
      }
      if (!result.matched) return;
      for (const violation of result.violations) {
        yield { messageId: 'violation', data: { message: violation.message }, path: violation.path };
      }
    },
  };
}
