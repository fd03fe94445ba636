/**
 * A container's `resources`: resource names a container may ask for, no
 * negative amounts, whole numbers for extended resources, and requests within
 * limits. Amounts that do not parse are the schema interpreter's finding.
 */
import { parseQuantity, type Quantity } from '../../kit/quantity.js';
import type { ObjectPath } from '../../model/types.js';
import type { Findings } from './findings.js';
import { quote, recordOf } from './read.js';
import { labelKeyProblems } from './syntax.js';

const STANDARD_CONTAINER_RESOURCES = ['cpu', 'memory', 'ephemeral-storage'];

const isHugePages = (name: string): boolean => name.startsWith('hugepages-');
/** Native resources have no domain, or a kubernetes.io one. */
const isNative = (name: string): boolean => !name.includes('/') || name.includes('kubernetes.io/');
/** Only native resources other than hugepages may be requested below their limit. */
const mayOvercommit = (name: string): boolean => isNative(name) && !isHugePages(name);
const isExtended = (name: string): boolean =>
  !isNative(name) && !name.startsWith('requests.') && labelKeyProblems(`requests.${name}`).length === 0;

/** An amount as written, and in thousandths as the API server holds it. */
interface Amount {
  readonly quantity: Quantity;
  readonly milli: bigint;
}
type Amounts = ReadonlyMap<string, Amount>;

/**
 * The API server rounds every amount up to thousandths (away from zero)
 * before it validates: `1n` becomes `1m`, so two amounts below a thousandth
 * compare equal.
 */
function milliOf(quantity: Quantity): bigint {
  const scaled = quantity.numerator * 1000n;
  const whole = scaled / quantity.denominator;
  return scaled % quantity.denominator === 0n ? whole : whole + (scaled < 0n ? -1n : 1n);
}

/** Checks `resources.limits` and `resources.requests` of one container. */
export function checkContainerResources(out: Findings, value: unknown, path: ObjectPath): void {
  const resources = recordOf(value);
  if (!resources) return;
  const limits = readAmounts(out, resources.limits, [...path, 'limits']);
  const requests = readAmounts(out, resources.requests, [...path, 'requests']);
  for (const [name, request] of requests) checkRequest(out, name, request, limits, resources, path);
  const names = [...limits.keys(), ...requests.keys()];
  if (names.some(isHugePages) && !names.some((name) => name === 'cpu' || name === 'memory')) {
    out.value(path, 'hugepages need a "cpu" or "memory" request or limit as well');
  }
}

/** Checks each name and amount of a limits or requests map, and returns the amounts that parse. */
function readAmounts(out: Findings, value: unknown, path: ObjectPath): Amounts {
  const amounts = new Map<string, Amount>();
  for (const [name, raw] of Object.entries(recordOf(value) ?? {})) {
    const at = [...path, name];
    const problem = resourceNameProblem(name);
    if (problem !== undefined) out.value(at, `resource name ${quote(name)} ${problem}`);
    const quantity = parseQuantity(raw);
    if (!quantity) continue;
    const milli = milliOf(quantity);
    amounts.set(name, { quantity, milli });
    if (milli < 0n) out.value(at, `${quote(name)} must be greater than or equal to 0, not ${quantity.text}`);
    else if (isExtended(name) && milli % 1000n !== 0n) {
      out.value(at, `${quote(name)} must be a whole number, not ${quantity.text}`);
    }
  }
  return amounts;
}

/** What is wrong with a container resource name, or undefined. */
function resourceNameProblem(name: string): string | undefined {
  const problems = labelKeyProblems(name);
  if (problems.length > 0) return `is not a valid qualified name: it ${problems.join('; ')}`;
  if (!name.includes('/')) {
    return STANDARD_CONTAINER_RESOURCES.includes(name) || isHugePages(name)
      ? undefined
      : 'is not a resource a container may use: without a domain, only "cpu", "memory", "ephemeral-storage" and "hugepages-<size>" are';
  }
  return isNative(name) || isExtended(name) ? undefined : 'does not follow the extended resource name rule';
}

/** A request is at most its limit; for resources that may not be overcommitted, equal to a limit that must be set. */
function checkRequest(
  out: Findings,
  name: string,
  request: Amount,
  limits: Amounts,
  resources: Record<string, unknown>,
  path: ObjectPath,
): void {
  const limit = limits.get(name);
  const at = [...path, 'requests', name];
  if (limit === undefined) {
    if (!mayOvercommit(name) && !(name in (recordOf(resources.limits) ?? {}))) {
      const parent = recordOf(resources.limits) ? [...path, 'limits'] : path;
      out.required(
        parent,
        `a limit for ${quote(name)} is required: it may not be overcommitted, so its request needs an equal limit`,
      );
    }
    return;
  }
  const [asked, allowed] = [request.quantity.text, limit.quantity.text];
  if (!mayOvercommit(name) && request.milli !== limit.milli) {
    out.value(at, `the ${quote(name)} request ${asked} must equal its limit ${allowed}`);
  } else if (request.milli > limit.milli) {
    out.value(at, `the ${quote(name)} request ${asked} must be less than or equal to its limit ${allowed}`);
  }
}
