/**
 * A CRD's `spec.conversion`: `None`, or a `Webhook` the API server can call
 * (an https URL or an in-cluster Service) that speaks a ConversionReview
 * version it knows. v1 nests the webhook's settings under `webhook`; v1beta1
 * writes them beside the strategy.
 */
import { getIn, isRecord } from '../../model/records.js';
import type { ObjectPath } from '../../model/types.js';
import type { SchemaProblem } from '../types.js';
import { missing, refused, unsupported } from './crd-problems.js';
import { dns1035LabelProblem } from './dns-names.js';
import { isNonZero } from './schema-json.js';

const STRATEGIES = ['None', 'Webhook'];
const REVIEW_VERSIONS = ['v1', 'v1beta1'];

/** Checks `spec.conversion` of a CRD of the given API version. */
export function checkConversion(spec: Record<string, unknown>, apiVersion: 'v1' | 'v1beta1'): SchemaProblem[] {
  const conversion = spec.conversion;
  if (!isRecord(conversion)) return [];
  const at: ObjectPath = ['spec', 'conversion'];
  const webhookAt: ObjectPath = apiVersion === 'v1' ? [...at, 'webhook'] : at;
  const configKey = apiVersion === 'v1' ? 'clientConfig' : 'webhookClientConfig';
  const config = getIn(spec, [...webhookAt.slice(1), configKey]);
  const reviewVersions = getIn(spec, [...webhookAt.slice(1), 'conversionReviewVersions']);
  const strategy = conversion.strategy;
  if (strategy === undefined || strategy === null || strategy === '') return [missing(at, 'strategy')];
  if (typeof strategy !== 'string') return [];
  if (!STRATEGIES.includes(strategy)) return [unsupported([...at, 'strategy'], strategy, STRATEGIES)];
  if (strategy === 'None') {
    const webhookFields = apiVersion === 'v1' ? ['webhook'] : [configKey, 'conversionReviewVersions'];
    return webhookFields
      .filter((key) => isNonZero(conversion[key]))
      .map((key) => refused([...at, key], 'must not be set unless the strategy is Webhook'));
  }
  const problems: SchemaProblem[] = [];
  if (apiVersion === 'v1beta1' && spec.preserveUnknownFields !== false) {
    problems.push(refused([...at, 'strategy'], 'must be None unless spec.preserveUnknownFields is false'));
  }
  if (!isRecord(config))
    problems.push(missing(webhookAt, configKey, 'a Webhook conversion needs to know where to call'));
  else problems.push(...checkClientConfig(config, [...webhookAt, configKey]));
  const defaulted = apiVersion === 'v1beta1' && (reviewVersions === undefined || reviewVersions === null);
  if (!defaulted) problems.push(...checkReviewVersions(reviewVersions, webhookAt));
  return problems;
}

function checkClientConfig(config: Record<string, unknown>, at: ObjectPath): SchemaProblem[] {
  const hasUrl = typeof config.url === 'string';
  const hasService = isRecord(config.service);
  if (hasUrl === hasService) return [refused(at, 'must give exactly one of url and service')];
  if (hasUrl) {
    const why = urlProblem(config.url as string);
    return why === undefined ? [] : [refused([...at, 'url'], why)];
  }
  return checkService(config.service as Record<string, unknown>, [...at, 'service']);
}

function urlProblem(text: string): string | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return `"${text}" is not a URL`;
  }
  if (url.protocol !== 'https:') return 'must be an https URL: the API server calls conversion webhooks over TLS only';
  if (url.host === '') return 'must name a host';
  if (url.username !== '' || url.password !== '') return 'must not carry user information';
  if (text.includes('#')) return 'must not have a fragment';
  if (text.includes('?')) return 'must not have query parameters';
  return undefined;
}

function checkService(service: Record<string, unknown>, at: ObjectPath): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  for (const field of ['namespace', 'name']) {
    if (typeof service[field] !== 'string' || service[field] === '') problems.push(missing(at, field));
  }
  const port = service.port;
  if (typeof port === 'number' && !(Number.isInteger(port) && port >= 1 && port <= 65535)) {
    problems.push(refused([...at, 'port'], `must be a port number from 1 to 65535, not ${port}`));
  }
  if (typeof service.path === 'string' && !service.path.startsWith('/')) {
    problems.push(refused([...at, 'path'], `must start with "/", not "${service.path}"`));
  }
  return problems;
}

/** The ConversionReview versions the webhook understands: given, distinct, and one the API server speaks. */
function checkReviewVersions(versions: unknown, webhookAt: ObjectPath): SchemaProblem[] {
  const at = [...webhookAt, 'conversionReviewVersions'];
  if (!Array.isArray(versions) || versions.length === 0) {
    return Array.isArray(versions) || versions === undefined || versions === null
      ? [
          missing(
            webhookAt,
            'conversionReviewVersions',
            `the versions of ConversionReview the webhook understands (${REVIEW_VERSIONS.join(', ')})`,
          ),
        ]
      : [];
  }
  const problems: SchemaProblem[] = [];
  const seen = new Set<unknown>();
  versions.forEach((version: unknown, index) => {
    if (seen.has(version))
      problems.push({ class: 'duplicate', path: [...at, index], message: `"${String(version)}" is listed twice` });
    seen.add(version);
    const syntax = typeof version === 'string' ? dns1035LabelProblem(version) : undefined;
    if (syntax !== undefined) problems.push(refused([...at, index], `"${String(version)}" ${syntax}`));
  });
  if (!versions.some((version) => typeof version === 'string' && REVIEW_VERSIONS.includes(version))) {
    problems.push(refused(at, `must include one of ${REVIEW_VERSIONS.join(', ')}, which the API server speaks`));
  }
  return problems;
}
