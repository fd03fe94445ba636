import { getIn, isRecord } from '../../src/kit/rule-api.js';
import { gatekeeperRule, objectName, sprintf, type GatekeeperResult } from '../../src/kit/rego/rego-api.js';

type Params = { allowedRoles?: string[]; disallowAuthenticated?: boolean };

/**
 * Gatekeeper library `general/disallowanonymous`: a binding does not grant a
 * role to the anonymous or unauthenticated groups (nor, optionally, to every
 * authenticated user).
 */
export default gatekeeperRule<Params>({
  gatekeeper: { kind: 'K8sDisallowAnonymous', library: 'general', template: 'disallowanonymous' },
  meta: {
    id: 'k8s-disallow-anonymous',
    title: 'Bindings do not grant roles to anonymous users (Gatekeeper K8sDisallowAnonymous)',
    description:
      'Flag role bindings with a subject named `system:anonymous` or `system:unauthenticated` (optionally `system:authenticated`).',
    rationale: [
      'A role bound to the anonymous or unauthenticated groups is granted to any client that can reach the API',
      'server, without credentials; binding to `system:authenticated` grants it to every identity the cluster knows.',
    ].join(' '),
    remediation: [
      'Bind the role to the specific users, groups or service accounts that need it, or list the role in',
      '`allowedRoles` if it is meant to be public (such as a discovery role).',
    ].join(' '),
    defaultSeverity: 'error',
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        allowedRoles: {
          type: 'array',
          items: { type: 'string' },
          description: 'Names of roles (`roleRef.name`) that may be bound to these groups.',
        },
        disallowAuthenticated: {
          type: 'boolean',
          default: false,
          description: 'Also flag bindings to `system:authenticated`, that is to every authenticated user.',
        },
      },
    },
  },

  *review({ review }, params): Iterable<GatekeeperResult | undefined> {
    const object = review.object;
    const roleName = getIn(object, ['roleRef', 'name']);
    if (Array.isArray(params.allowedRoles) && params.allowedRoles.some((role) => role === roleName)) return;
    const groups = ['system:unauthenticated', 'system:anonymous'];
    if (params.disallowAuthenticated === true) groups.push('system:authenticated');
    const subjects = isRecord(object) ? object.subjects : undefined;
    if (!Array.isArray(subjects)) return;
    for (const group of groups) {
      const index = subjects.findIndex((subject) => isRecord(subject) && subject.name === group);
      if (index < 0) continue;
      const msg = sprintf('%v is not allowed as a subject name in %v %v', [
        group,
        isRecord(object) ? object.kind : undefined,
        objectName(object),
      ]);
      if (msg !== undefined) yield { msg, path: ['subjects', index, 'name'] };
    }
  },
});
