import { getIn, isRecord } from '../../src/kit/rule-api.js';
import { gatekeeperRule, objectName, sprintf, type GatekeeperResult } from '../../src/kit/rego/rego-api.js';

type Params = { tlsOptional?: boolean };

const ALLOW_HTTP = 'kubernetes.io/ingress.allow-http';

/** Rego's `count(x) > 0` for the value of `spec.tls`; values `count` rejects are not TLS. */
function nonEmpty(value: unknown): boolean {
  if (Array.isArray(value) || typeof value === 'string') return value.length > 0;
  return isRecord(value) && Object.keys(value).length > 0;
}

/**
 * Gatekeeper library `general/httpsonly`: an Ingress refuses plain HTTP
 * (the `allow-http: "false"` annotation) and, unless `tlsOptional`, has a
 * TLS section.
 */
export default gatekeeperRule<Params>({
  gatekeeper: { kind: 'K8sHttpsOnly', library: 'general', template: 'httpsonly' },
  meta: {
    id: 'k8s-https-only',
    title: 'Ingresses serve HTTPS only (Gatekeeper K8sHttpsOnly)',
    description:
      'Flag Ingresses without the `kubernetes.io/ingress.allow-http: "false"` annotation, or without `spec.tls` unless TLS is optional.',
    rationale: [
      'Traffic that reaches an Ingress over plain HTTP can be read and altered on the way, including session',
      'cookies and credentials; refusing HTTP and configuring TLS keeps it encrypted end to end to the edge.',
    ].join(' '),
    remediation: [
      'Annotate the Ingress with `kubernetes.io/ingress.allow-http: "false"` and add a `spec.tls` entry for its',
      'hosts (the TLS section is not required when `tlsOptional` is true).',
    ].join(' '),
    defaultSeverity: 'error',
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        tlsOptional: {
          type: 'boolean',
          description: 'When true, only the `allow-http: "false"` annotation is required and `spec.tls` may be absent.',
        },
      },
    },
  },

  *review({ review }, params): Iterable<GatekeeperResult> {
    const object = review.object;
    const apiVersion = isRecord(object) ? object.apiVersion : undefined;
    if (!isRecord(object) || object.kind !== 'Ingress' || typeof apiVersion !== 'string') return;
    if (!apiVersion.startsWith('extensions/') && !apiVersion.startsWith('networking.k8s.io/')) return;
    const refusesHttp = getIn(object, ['metadata', 'annotations', ALLOW_HTTP]) === 'false';
    const msg =
      params.tlsOptional === true
        ? refusesHttp
          ? undefined
          : sprintf('Ingress should be https. The allow-http=false annotation is required for %v', [objectName(object)])
        : refusesHttp && nonEmpty(getIn(object, ['spec', 'tls']))
          ? undefined
          : sprintf('Ingress should be https. tls configuration and allow-http=false annotation are required for %v', [
              objectName(object),
            ]);
    if (msg !== undefined) yield { msg };
  },
});
