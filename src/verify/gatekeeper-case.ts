import { existsSync } from 'node:fs';
import path from 'node:path';
import { evaluate } from '../engine/evaluate.js';
import { bindConstraint, celTemplateSupport } from '../gatekeeper/bind.js';
import {
  isConstraintManifest,
  isProblem,
  isTemplateManifest,
  readConstraint,
  readTemplate,
  type TemplateManifest,
} from '../gatekeeper/manifests.js';
import { RULE_ERROR_ID } from '../model/finding-ids.js';
import {
  loadResources,
  runCases,
  type CaseResult,
  type CaseStatus,
  type TestContext,
  type TestResult,
} from './case-runner.js';
import { SuiteError, type SuiteTest } from './suite-file.js';

/** A test of a Gatekeeper template and constraint, run by the port or the template's CEL. */
export async function runGatekeeperTest(test: SuiteTest, context: TestContext): Promise<TestResult> {
  const skipAll = (status: CaseStatus, error?: string): CaseResult[] =>
    test.cases.map((item) => ({ name: item.name, status, ...(error && { error }), assertions: [], violations: [] }));
  if (test.skip) return { name: test.name, cases: skipAll('skipped') };

  const templates = new Map<string, TemplateManifest>();
  const templateFile = context.options.template ?? test.template;
  if (templateFile !== undefined && existsSync(path.resolve(context.base, templateFile))) {
    for (const resource of await loadResources(templateFile, context)) {
      if (!isTemplateManifest(resource)) continue;
      const template = readTemplate(resource);
      if (isProblem(template)) throw new SuiteError(`${context.display(templateFile)}: ${template.message}`);
      templates.set(template.kind, template);
    }
  }
  const [constraintResource, ...extra] = await loadResources(test.constraint, context);
  if (!constraintResource || extra.length > 0 || !isConstraintManifest(constraintResource)) {
    throw new SuiteError(`${context.display(test.constraint)}: expected exactly one Gatekeeper constraint`);
  }
  const manifest = readConstraint(constraintResource);
  if (isProblem(manifest)) throw new SuiteError(`${context.display(test.constraint)}: ${manifest.message}`);
  const header = { name: test.name, kind: manifest.kind, constraintName: manifest.name };
  const cel = await celTemplateSupport(templates.values());
  const bound = bindConstraint(manifest, context.registry, templates, {
    preferCel: context.options.preferCel === true,
    ...(cel && { cel }),
  });
  if (bound.type === 'unsupported') return { ...header, cases: skipAll('not-implemented', bound.unsupported.reason) };
  if (bound.type === 'skipped') return { ...header, cases: skipAll('skipped', bound.note) };
  if (bound.type === 'problem') {
    throw new SuiteError(`${context.display(test.constraint)}: ${bound.problem.message}`);
  }
  const constraint = bound.constraint;
  const cases = await runCases(test, context, (object, inventory) => {
    const findings = evaluate([object], [constraint], { inventory });
    const failure = findings.find((finding) => finding.ruleId === RULE_ERROR_ID);
    return failure ? { error: failure.message } : { violations: findings.map((finding) => finding.message) };
  });
  return { ...header, ruleId: constraint.ruleId, cases };
}
