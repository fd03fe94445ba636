import { schemaViolations } from '../src/kit/rule-api.js';
import type { Rule } from '../src/kit/rule-api.js';

/**
 * The CEL rules of a custom resource's CustomResourceDefinition
 * (`x-kubernetes-validations`), evaluated as the API server evaluates them on
 * create: `self` is the value at the rule's place in the schema, rules on
 * list items and map values run for each entry, and transition rules (those
 * that read `oldSelf`) are skipped, since a new object has no old self. The
 * finding carries the rule's message (or its `messageExpression`) and points
 * at its `fieldPath` when it names one.
 */
const rule: Rule<Record<string, never>, 'problem'> = {
  meta: {
    id: 'schema-crd-rule',
    title: 'Custom resources pass their CRD’s validation rules',
    description: 'Give custom resources values that their CustomResourceDefinition’s CEL rules accept.',
    rationale: [
      'Operators put their invariants in the CustomResourceDefinition as CEL rules: this field only with that one,',
      'a minimum below a maximum, a name that must not change. The API server evaluates them on every write and',
      'refuses an object that breaks one. Common schema validators ignore these rules, so a custom resource that',
      'looks valid fails only when it is applied.',
    ].join(' '),
    remediation: [
      'Change the custom resource as the rule’s message asks. The CustomResourceDefinition named in the finding',
      'holds the rule, under `x-kubernetes-validations` at the place the finding points.',
    ].join(' '),
    defaultSeverity: 'error',
    defaultKinds: [],
    schema: { type: 'object', additionalProperties: false, properties: {} },
    messages: { problem: '{{object}}: {{problem}}{{releases}}' },
  },
  check: (resource, _params, ctx) => schemaViolations(resource, ctx, 'problem', ['cel']),
};

export default rule;
