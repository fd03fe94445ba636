import { getIn, isRecord, targetNamespace } from '../src/kit/rule-api.js';
import type { Resource, Rule, RuleContext, Violation } from '../src/kit/rule-api.js';

/** The keys of `meta.messages`: a violation's `messageId` is checked against them. */
type MessageId = 'noTls' | 'allowHttp' | 'allowHttpNotString' | 'plainHttp' | 'redirectOff';

type Params = {
  tlsOptional: boolean;
};

/** The API groups that have served Ingress. */
const INGRESS_GROUPS = ['networking.k8s.io', 'extensions'];
const ALLOW_HTTP = 'kubernetes.io/ingress.allow-http';
const CLASS_ANNOTATION = 'kubernetes.io/ingress.class';
const DEFAULT_CLASS_ANNOTATION = 'ingressclass.kubernetes.io/is-default-class';

/** The controllers whose own ways to refuse or redirect plain HTTP the rule knows. */
type Controller = 'nginx' | 'traefik' | 'haproxy' | 'alb' | 'gce';

const CONTROLLER_NAMES: Readonly<Record<Controller, string>> = {
  nginx: 'NGINX',
  traefik: 'Traefik',
  haproxy: 'HAProxy',
  alb: 'AWS Load Balancer Controller',
  gce: 'GKE',
};

/** Default class names of each controller's installation, for Ingresses whose IngressClass is not in the input. */
const CLASS_NAMES: ReadonlyMap<string, Controller> = new Map([
  ['nginx', 'nginx'],
  ['traefik', 'traefik'],
  ['haproxy', 'haproxy'],
  ['alb', 'alb'],
  ['gce', 'gce'],
  ['gce-internal', 'gce'],
]);

/** `spec.controller` of an IngressClass: ingress-nginx and NGINX Inc's controller count as one, NGINX. */
const CONTROLLER_IDS: ReadonlyMap<string, Controller> = new Map([
  ['k8s.io/ingress-nginx', 'nginx'],
  ['nginx.org/ingress-controller', 'nginx'],
  ['traefik.io/ingress-controller', 'traefik'],
  ['haproxy.org/ingress-controller', 'haproxy'],
  ['ingress.k8s.aws/alb', 'alb'],
]);

/** HAProxy reads its annotations under any of these prefixes. */
const HAPROXY_PREFIXES = ['haproxy.org/', 'haproxy.com/', 'ingress.kubernetes.io/'];
/** Annotations that turn off the redirect NGINX adds once an Ingress has TLS (ingress-nginx, then NGINX Inc's). */
const NGINX_REDIRECT_SWITCHES = [
  'nginx.ingress.kubernetes.io/ssl-redirect',
  'ingress.kubernetes.io/ssl-redirect',
  'nginx.org/ssl-redirect',
];
/** Annotations that make NGINX redirect to HTTPS even without a TLS section (TLS ends in front of it). */
const NGINX_FORCED_REDIRECTS = ['nginx.ingress.kubernetes.io/force-ssl-redirect', 'nginx.org/redirect-to-https'];
const TRAEFIK = 'traefik.ingress.kubernetes.io/';
const TRAEFIK_SECURE_ENTRYPOINT = 'websecure';
const TRAEFIK_GROUPS = ['traefik.io', 'traefik.containo.us'];
const ALB = 'alb.ingress.kubernetes.io/';
const GKE_FRONTEND_CONFIG = 'networking.gke.io/v1beta1.FrontendConfig';
const GKE_CERTIFICATES = ['networking.gke.io/managed-certificates', 'ingress.gcp.kubernetes.io/pre-shared-cert'];

/** What the controller-specific checks read from one Ingress. */
interface IngressView {
  resource: Resource;
  ctx: RuleContext;
  /** The annotations with string values (the API server refuses others). */
  annotations: ReadonlyMap<string, string>;
  /** `spec.tls` has an entry. */
  tlsSection: boolean;
}

/** What one controller needs for the two halves of HTTPS only. */
interface ControllerPolicy {
  /** TLS configured some other way than `spec.tls` (a certificate annotation). */
  certificate(view: IngressView): boolean;
  /** True when the controller redirects plain HTTP by itself as soon as the Ingress has TLS. */
  redirectsOnceTls: boolean;
  /** The finding about plain HTTP, if the Ingress still serves it. `tls` says whether it has TLS. */
  plainHttp(view: IngressView, tls: boolean): Violation<MessageId> | undefined;
}

/**
 * Ingresses terminate TLS and refuse plain HTTP. Gatekeeper's K8sHttpsOnly
 * asks for a non-empty `spec.tls` and the GCE annotation
 * `kubernetes.io/ingress.allow-http: "false"`, with a `tlsOptional` switch.
 * That annotation means nothing to other controllers, so the HTTP half is
 * judged by the controller the Ingress names: `spec.ingressClassName` or the
 * `kubernetes.io/ingress.class` annotation, resolved through an IngressClass
 * of the input (its `spec.controller`) or else by the controllers' usual class
 * names; an Ingress without a class takes the input's default IngressClass.
 *
 * - NGINX (ingress-nginx, NGINX Inc): TLS redirects plain HTTP unless an
 *   `ssl-redirect` annotation is `"false"`; without TLS,
 *   `nginx.ingress.kubernetes.io/force-ssl-redirect` or
 *   `nginx.org/redirect-to-https` must be `"true"`.
 * - HAProxy: TLS with a `secretName` redirects unless `ssl-redirect` (under
 *   `haproxy.org/`, `haproxy.com/` or `ingress.kubernetes.io/`) is `"false"`;
 *   `ssl-redirect: "true"` redirects without it.
 * - Traefik: `router.tls: "true"` (a TLS router ignores plain HTTP),
 *   `router.entrypoints` of `websecure` only, or a `router.middlewares` entry
 *   that redirects (a `redirectScheme` Middleware of the input, or one whose
 *   name says redirect when it is not in the input). Traefik's `spec.tls`
 *   only loads certificates.
 * - AWS: `alb.ingress.kubernetes.io/ssl-redirect`, or `listen-ports` with
 *   HTTPS entries only (its default when `certificate-arn` is set).
 * - GKE: `kubernetes.io/ingress.allow-http: "false"`, or a FrontendConfig
 *   with `redirectToHttps.enabled: true` (one that is not in the input is
 *   taken to redirect). Managed or pre-shared certificates count as TLS.
 *
 * Where the controller is not known, any of those explicit annotations is
 * accepted, and the message lists them. For NGINX and HAProxy without TLS,
 * only the missing TLS is reported: adding it brings the redirect.
 */
const rule: Rule<Params, MessageId> = {
  meta: {
    id: 'https-only-ingress',
    title: 'Ingresses serve HTTPS only',
    description: 'Give every Ingress a TLS section and switch off or redirect its plain HTTP listener.',
    rationale: [
      'Traffic that enters the cluster over plain HTTP can be read and altered by anyone on the path: session',
      'cookies, credentials and personal data included. A TLS section makes the controller serve HTTPS, but several',
      'controllers keep answering on port 80 as well unless told not to, so an HTTP link or a downgrade attack still',
      'reaches the service. Both halves are needed for the host to be HTTPS only, and each controller has its own way',
      'to say the second: the rule judges it by the controller the Ingress names (`spec.ingressClassName` or the',
      '`kubernetes.io/ingress.class` annotation, looked up in an IngressClass of the input when there is one).',
      'NGINX, and HAProxy for a TLS section with a `secretName`, redirect plain HTTP by themselves once the Ingress',
      'has TLS. Traefik, the AWS Load Balancer Controller and GKE do not.',
    ].join(' '),
    remediation: [
      'Add a `spec.tls` entry naming the hosts and the Secret that holds their certificate, then close or redirect',
      'port 80 the way the controller reads it. NGINX: keep its default redirect (do not set `ssl-redirect: "false"`),',
      'or set `nginx.ingress.kubernetes.io/force-ssl-redirect: "true"` when TLS ends in front of it. HAProxy: keep the',
      'default, or set `haproxy.org/ssl-redirect: "true"`. Traefik: `traefik.ingress.kubernetes.io/router.entrypoints:',
      'websecure`, `traefik.ingress.kubernetes.io/router.tls: "true"`, or a `redirectScheme` middleware in',
      '`traefik.ingress.kubernetes.io/router.middlewares`. AWS: `alb.ingress.kubernetes.io/ssl-redirect: "443"`, or',
      'only HTTPS in `alb.ingress.kubernetes.io/listen-ports`. GKE: `kubernetes.io/ingress.allow-http: "false"`',
      '(quoted: annotation values are strings) or a FrontendConfig with `redirectToHttps.enabled: true`. An Ingress',
      'that names no class the rule knows must carry one of these explicit annotations; naming the class lets the',
      "rule apply the controller's defaults. A redirect set up for the whole controller (an ingress-nginx ConfigMap,",
      "a Traefik entry point) is not visible in the Ingress: exclude such Ingresses with the constraint's `match`. If",
      'TLS is terminated in front of the cluster, set `tlsOptional: true` on the constraint.',
    ].join(' '),
    defaultSeverity: 'error',
    defaultKinds: [{ apiGroups: [...INGRESS_GROUPS], kinds: ['Ingress'] }],
    crossResource: true,
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        tlsOptional: {
          type: 'boolean',
          default: false,
          description:
            'Accept an Ingress without `spec.tls`, for when a load balancer in front of the cluster terminates TLS. Plain HTTP must still be switched off or redirected.',
        },
      },
    },
    messages: {
      noTls: 'Ingress "{{ingress}}" has no TLS configuration (spec.tls is missing or empty)',
      allowHttp: [
        'Ingress "{{ingress}}" {{classNote}} and does not switch off plain HTTP: set',
        `${ALLOW_HTTP}: "false" (GKE) or its controller's annotation (NGINX: nginx.ingress.kubernetes.io/force-ssl-redirect:`,
        '"true"; HAProxy: haproxy.org/ssl-redirect: "true"; Traefik: traefik.ingress.kubernetes.io/router.entrypoints:',
        'websecure; AWS: alb.ingress.kubernetes.io/ssl-redirect)',
      ].join(' '),
      allowHttpNotString: `Ingress "{{ingress}}" sets the annotation ${ALLOW_HTTP} to the boolean false; annotation values are strings, so quote it: "false"`,
      plainHttp: 'Ingress "{{ingress}}" ({{controller}}) also serves plain HTTP: {{fix}}',
      redirectOff:
        'Ingress "{{ingress}}" ({{controller}}) turns its redirect to HTTPS off with {{annotation}}: "{{value}}", so it also serves plain HTTP',
    },
  },

  *check(resource, params, ctx): Iterable<Violation<MessageId>> {
    if (resource.kind !== 'Ingress' || !INGRESS_GROUPS.includes(resource.group)) return;
    const data = { ingress: resource.name ?? '(unnamed)' };
    const tlsEntries = getIn(resource.object, ['spec', 'tls']);
    const view: IngressView = {
      resource,
      ctx,
      annotations: stringAnnotations(resource),
      tlsSection: Array.isArray(tlsEntries) && tlsEntries.length > 0,
    };
    const { controller, className } = controllerOf(resource, ctx);
    const policy = controller ? POLICIES[controller] : unknownPolicy(className);
    const tls = view.tlsSection || policy.certificate(view);
    if (!params.tlsOptional && !tls) yield { messageId: 'noTls', data, path: ['spec', 'tls'] };
    // Adding TLS also brings the redirect, so the missing TLS is the one thing to fix.
    if (!tls && !params.tlsOptional && policy.redirectsOnceTls) return;
    const violation = policy.plainHttp(view, tls);
    if (!violation) return;
    const named: Record<string, string> = controller ? { controller: CONTROLLER_NAMES[controller] } : {};
    yield { ...violation, data: { ...data, ...named, ...violation.data } };
  },
};

/** The controller that serves the Ingress, when the Ingress or the input says which, and the class it names. */
function controllerOf(resource: Resource, ctx: RuleContext): { controller?: Controller; className?: string } {
  const fromSpec = getIn(resource.object, ['spec', 'ingressClassName']);
  const fromAnnotation = resource.annotations[CLASS_ANNOTATION];
  const className = typeof fromSpec === 'string' && fromSpec !== '' ? fromSpec : fromAnnotation || undefined;
  const classes = ctx.inventory.ofKind('networking.k8s.io', 'IngressClass');
  if (className === undefined) {
    const defaults = classes.filter((ingressClass) => ingressClass.annotations[DEFAULT_CLASS_ANNOTATION] === 'true');
    // Two defaults make the API server refuse an Ingress without a class; neither is then known to apply.
    return defaults.length === 1 && defaults[0] ? { controller: controllerOfClass(defaults[0]) } : {};
  }
  const ingressClass = classes.find((candidate) => candidate.name === className);
  const controller = ingressClass ? controllerOfClass(ingressClass) : CLASS_NAMES.get(className);
  return controller ? { controller, className } : { className };
}

function controllerOfClass(ingressClass: Resource): Controller | undefined {
  const id = getIn(ingressClass.object, ['spec', 'controller']);
  if (typeof id !== 'string') return undefined;
  // HAProxy appends the name of one of several controllers: haproxy.org/ingress-controller/<name>.
  return CONTROLLER_IDS.get(id.startsWith('haproxy.org/ingress-controller/') ? 'haproxy.org/ingress-controller' : id);
}

function stringAnnotations(resource: Resource): ReadonlyMap<string, string> {
  return new Map(Object.entries(resource.annotations));
}

/** `strconv.ParseBool` as the Go controllers read annotations; undefined for anything else. */
function parseBool(value: string | undefined): boolean | undefined {
  if (value === undefined) return undefined;
  if (['1', 't', 'T', 'true', 'TRUE', 'True'].includes(value)) return true;
  if (['0', 'f', 'F', 'false', 'FALSE', 'False'].includes(value)) return false;
  return undefined;
}

function annotationPath(key: string): string[] {
  return ['metadata', 'annotations', key];
}

const ANNOTATIONS_PATH = ['metadata', 'annotations'];

/** An annotation among `keys` that is set to false, with its value as written. */
function switchedOff(view: IngressView, keys: readonly string[]): { key: string; value: string } | undefined {
  for (const key of keys) {
    const value = view.annotations.get(key);
    if (value !== undefined && parseBool(value) === false) return { key, value };
  }
  return undefined;
}

function isOn(view: IngressView, keys: readonly string[]): boolean {
  return keys.some((key) => parseBool(view.annotations.get(key)) === true);
}

function redirectOff(off: { key: string; value: string }): Violation<MessageId> {
  return { messageId: 'redirectOff', data: { annotation: off.key, value: off.value }, path: annotationPath(off.key) };
}

function plainHttp(fix: string): Violation<MessageId> {
  return { messageId: 'plainHttp', data: { fix }, path: ANNOTATIONS_PATH };
}

const nginx: ControllerPolicy = {
  certificate: () => false,
  redirectsOnceTls: true,
  plainHttp(view, tls) {
    if (isOn(view, NGINX_FORCED_REDIRECTS)) return undefined;
    if (!tls) return plainHttp('without TLS in spec.tls, set nginx.ingress.kubernetes.io/force-ssl-redirect: "true"');
    const off = switchedOff(view, NGINX_REDIRECT_SWITCHES);
    return off ? redirectOff(off) : undefined;
  },
};

const haproxy: ControllerPolicy = {
  certificate: () => false,
  redirectsOnceTls: true,
  plainHttp(view) {
    const keys = HAPROXY_PREFIXES.map((prefix) => `${prefix}ssl-redirect`);
    if (isOn(view, keys)) return undefined;
    const off = switchedOff(view, keys);
    if (off) return redirectOff(off);
    // HAProxy redirects by itself for a TLS section that names a certificate Secret.
    if (tlsSecretNamed(view.resource)) return undefined;
    return plainHttp('set haproxy.org/ssl-redirect: "true", or give spec.tls a secretName');
  },
};

function tlsSecretNamed(resource: Resource): boolean {
  const entries = getIn(resource.object, ['spec', 'tls']);
  return Array.isArray(entries) && entries.some((entry) => typeof getIn(entry, ['secretName']) === 'string');
}

const traefik: ControllerPolicy = {
  certificate: (view) => parseBool(view.annotations.get(`${TRAEFIK}router.tls`)) === true,
  redirectsOnceTls: false,
  plainHttp(view) {
    if (traefikRefusesHttp(view)) return undefined;
    return plainHttp(
      `set ${TRAEFIK}router.entrypoints: ${TRAEFIK_SECURE_ENTRYPOINT}, ${TRAEFIK}router.tls: "true", or a redirectScheme middleware in ${TRAEFIK}router.middlewares (spec.tls only loads certificates)`,
    );
  },
};

/** A TLS router, secure entry points only, or a middleware that redirects. */
function traefikRefusesHttp(view: IngressView): boolean {
  if (parseBool(view.annotations.get(`${TRAEFIK}router.tls`)) === true) return true;
  const entryPoints = listAnnotation(view, `${TRAEFIK}router.entrypoints`);
  if (entryPoints.length > 0 && entryPoints.every((entryPoint) => entryPoint === TRAEFIK_SECURE_ENTRYPOINT)) {
    return true;
  }
  return listAnnotation(view, `${TRAEFIK}router.middlewares`).some((reference) => middlewareRedirects(view, reference));
}

function listAnnotation(view: IngressView, key: string): string[] {
  const value = view.annotations.get(key) ?? '';
  return value
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
}

/**
 * A middleware reference (`<namespace>-<name>@kubernetescrd`, or `<name>@file`)
 * redirects when it names a Middleware of the input with a `redirectScheme` to
 * https. One that is not in the input cannot be read: its name decides.
 */
function middlewareRedirects(view: IngressView, reference: string): boolean {
  const at = reference.lastIndexOf('@');
  const name = at === -1 ? reference : reference.slice(0, at);
  const namespace = targetNamespace(view.resource, view.ctx);
  const middleware = TRAEFIK_GROUPS.flatMap((group) => view.ctx.inventory.ofKind(group, 'Middleware')).find(
    (candidate) =>
      candidate.name !== undefined &&
      (name === candidate.name ||
        name === `${targetNamespace(candidate, view.ctx) ?? namespace ?? ''}-${candidate.name}`),
  );
  if (!middleware) return /redirect/i.test(name);
  const scheme = getIn(middleware.object, ['spec', 'redirectScheme', 'scheme']);
  return typeof scheme === 'string' && scheme.toLowerCase() === 'https';
}

const alb: ControllerPolicy = {
  certificate: (view) =>
    (view.annotations.get(`${ALB}certificate-arn`) ?? '') !== '' || (albListenPorts(view)?.https ?? false),
  redirectsOnceTls: false,
  plainHttp(view) {
    if (albRefusesHttp(view)) return undefined;
    return plainHttp(`set ${ALB}ssl-redirect: "443", or list only HTTPS ports in ${ALB}listen-ports`);
  },
};

/** `listen-ports`, a JSON list such as `[{"HTTP": 80}, {"HTTPS": 443}]`: which protocols it has, or undefined. */
function albListenPorts(view: IngressView): { http: boolean; https: boolean } | undefined {
  const raw = view.annotations.get(`${ALB}listen-ports`);
  if (raw === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return undefined;
  }
  if (!Array.isArray(parsed) || !parsed.every(isRecord)) return undefined;
  const protocols = parsed.flatMap((entry: Record<string, unknown>) =>
    Object.keys(entry).map((key) => key.toUpperCase()),
  );
  return { http: protocols.includes('HTTP'), https: protocols.includes('HTTPS') };
}

/** An SSL redirect, HTTPS listeners only, or no `listen-ports` with a certificate (the default is then HTTPS:443). */
function albRefusesHttp(view: IngressView): boolean {
  if ((view.annotations.get(`${ALB}ssl-redirect`) ?? '') !== '') return true;
  const listenPorts = albListenPorts(view);
  if (listenPorts) return listenPorts.https && !listenPorts.http;
  return !view.annotations.has(`${ALB}listen-ports`) && (view.annotations.get(`${ALB}certificate-arn`) ?? '') !== '';
}

const gce: ControllerPolicy = {
  certificate: (view) => GKE_CERTIFICATES.some((key) => (view.annotations.get(key) ?? '') !== ''),
  redirectsOnceTls: false,
  plainHttp(view) {
    if (view.annotations.get(ALLOW_HTTP) === 'false' || frontendConfigRedirects(view)) return undefined;
    const annotation = allowHttpNotString(view.resource);
    if (annotation) return annotation;
    return {
      messageId: 'plainHttp',
      data: {
        fix: `set ${ALLOW_HTTP}: "false", or name a FrontendConfig with redirectToHttps.enabled: true in ${GKE_FRONTEND_CONFIG}`,
      },
      path: annotationPath(ALLOW_HTTP),
    };
  },
};

/**
 * A FrontendConfig named by the annotation redirects when the input's copy says
 * `redirectToHttps.enabled: true`; one the input does not hold cannot be read
 * and is taken to redirect.
 */
function frontendConfigRedirects(view: IngressView): boolean {
  const name = view.annotations.get(GKE_FRONTEND_CONFIG);
  if (name === undefined || name === '') return false;
  const namespace = targetNamespace(view.resource, view.ctx);
  const config = view.ctx.inventory
    .ofKind('networking.gke.io', 'FrontendConfig')
    .find((candidate) => candidate.name === name && targetNamespace(candidate, view.ctx) === namespace);
  if (!config) return true;
  return getIn(config.object, ['spec', 'redirectToHttps', 'enabled']) === true;
}

/** The GKE annotation written as a YAML boolean: the API server refuses it, so it gets its own hint. */
function allowHttpNotString(resource: Resource): Violation<MessageId> | undefined {
  const path = annotationPath(ALLOW_HTTP);
  return getIn(resource.object, path) === false ? { messageId: 'allowHttpNotString', path } : undefined;
}

const POLICIES: Readonly<Record<Controller, ControllerPolicy>> = { nginx, traefik, haproxy, alb, gce };

/**
 * An Ingress whose controller is not known: any controller's explicit way to
 * refuse or redirect plain HTTP is accepted, and the message lists them.
 */
function unknownPolicy(className: string | undefined): ControllerPolicy {
  const classNote =
    className === undefined
      ? 'names no ingress class'
      : `has ingress class "${className}", which this rule does not know,`;
  return {
    certificate: (view) => [traefik, alb, gce].some((policy) => policy.certificate(view)),
    redirectsOnceTls: false,
    plainHttp(view) {
      if (view.annotations.get(ALLOW_HTTP) === 'false' || explicitRedirect(view)) return undefined;
      const annotation = allowHttpNotString(view.resource);
      return annotation ?? { messageId: 'allowHttp', data: { classNote }, path: annotationPath(ALLOW_HTTP) };
    },
  };
}

/** The annotations of each known controller that switch plain HTTP off or redirect it whatever the TLS section. */
function explicitRedirect(view: IngressView): boolean {
  const haproxyKeys = HAPROXY_PREFIXES.map((prefix) => `${prefix}ssl-redirect`);
  return (
    isOn(view, NGINX_FORCED_REDIRECTS) ||
    isOn(view, haproxyKeys) ||
    traefikRefusesHttp(view) ||
    albRefusesHttp(view) ||
    (view.annotations.has(GKE_FRONTEND_CONFIG) && frontendConfigRedirects(view))
  );
}

export default rule;
