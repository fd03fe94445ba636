import { schemaViolations } from '../src/kit/rule-api.js';
import type { Rule } from '../src/kit/rule-api.js';

/**
 * Entries of a built-in list that share the list's key: two container ports
 * `80/TCP`, two env entries `LOG_LEVEL`. The API server accepts these with a
 * warning (tightening it would break existing objects), so this is a warning
 * here too; server-side apply refuses them, and a later entry silently wins
 * where the list is merged. Duplicates the API server refuses (two containers
 * with one name, or a CRD's list-type set or map) are `schema-value` errors.
 */
const rule: Rule<Record<string, never>, 'problem'> = {
  meta: {
    id: 'schema-duplicate-entry',
    title: 'List entries do not repeat their key',
    description: 'Keep the keys of a keyed list unique, such as container ports and environment variable names.',
    rationale: [
      'Kubernetes merges keyed lists entry by entry, matching entries by their key. Two entries with one key make',
      'that merge ambiguous: `kubectl apply` and strategic merge patches keep one of them, server-side apply',
      'refuses the object, and an environment variable given twice takes its last value, which is rarely the one a',
      'reader of the manifest sees first. The API server only warns, so the mistake usually goes unnoticed.',
    ].join(' '),
    remediation: 'Remove the repeated entry, or merge the two into one entry with the value that is meant.',
    defaultSeverity: 'warning',
    defaultKinds: [],
    schema: { type: 'object', additionalProperties: false, properties: {} },
    messages: { problem: '{{object}}: {{problem}}{{releases}}' },
  },
  check: (resource, _params, ctx) => schemaViolations(resource, ctx, 'problem', ['duplicate-warning']),
};

export default rule;
