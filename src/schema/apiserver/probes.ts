/**
 * Probes and lifecycle hooks: exactly one handler each, the handler's own
 * fields, and the probe's counters.
 */
import type { ObjectPath } from '../../model/types.js';
import { checkEnum, checkNonNegative, checkPortNumber, checkPortNumberOrName, reportFormat } from './checks.js';
import type { Findings } from './findings.js';
import { entriesAt, integerOf, isEmptyList, isSet, quote, recordOf, stringOf } from './read.js';

const PROBE_HANDLERS = ['exec', 'httpGet', 'tcpSocket', 'grpc'];
const HOOK_HANDLERS = ['exec', 'httpGet', 'tcpSocket', 'sleep'];
const HTTP_HEADER_NAME = /^[-A-Za-z0-9]+$/;

/** The probes a container may have, and whether each must report success once (`successThreshold: 1`). */
export const PROBES: ReadonlyArray<readonly [string, 'liveness' | 'readiness' | 'startup']> = [
  ['livenessProbe', 'liveness'],
  ['readinessProbe', 'readiness'],
  ['startupProbe', 'startup'],
];

/** Checks one probe of a container. */
export function checkProbe(
  out: Findings,
  probe: Record<string, unknown>,
  path: ObjectPath,
  type: 'liveness' | 'readiness' | 'startup',
): void {
  checkHandler(out, probe, path, PROBE_HANDLERS);
  for (const key of [
    'initialDelaySeconds',
    'timeoutSeconds',
    'periodSeconds',
    'successThreshold',
    'failureThreshold',
  ]) {
    checkNonNegative(out, probe[key], [...path, key]);
  }
  const successThreshold = integerOf(probe.successThreshold);
  // 0 is replaced by the default, 1, before validation.
  if (type !== 'readiness' && successThreshold !== undefined && successThreshold !== 0 && successThreshold !== 1) {
    out.value(
      [...path, 'successThreshold'],
      `"successThreshold" must be 1 for a ${type} probe, not ${successThreshold}`,
    );
  }
  const gracePath = [...path, 'terminationGracePeriodSeconds'];
  const gracePeriod = integerOf(probe.terminationGracePeriodSeconds);
  if (type === 'readiness' && isSet(probe.terminationGracePeriodSeconds)) {
    out.value(gracePath, '"terminationGracePeriodSeconds" may not be set on a readiness probe');
  } else if (gracePeriod !== undefined && gracePeriod <= 0) {
    out.value(gracePath, `"terminationGracePeriodSeconds" must be greater than 0, not ${gracePeriod}`);
  }
}

/** Checks `lifecycle.postStart` and `lifecycle.preStop`. */
export function checkLifecycle(out: Findings, lifecycle: Record<string, unknown>, path: ObjectPath): void {
  for (const hook of ['postStart', 'preStop']) {
    const handler = recordOf(lifecycle[hook]);
    if (handler) checkHandler(out, handler, [...path, hook], HOOK_HANDLERS);
  }
}

/** Exactly one of `handlers`, and that handler's fields. */
function checkHandler(
  out: Findings,
  holder: Record<string, unknown>,
  path: ObjectPath,
  handlers: readonly string[],
): void {
  const present = handlers.filter((key) => isSet(holder[key]));
  if (present.length === 0) {
    out.required(path, `a handler is required: one of ${handlers.map((key) => `"${key}"`).join(', ')}`);
  }
  for (const extra of present.slice(1)) {
    out.value([...path, extra], `only one handler may be set, and ${quote(present[0])} already is`);
  }
  const exec = recordOf(holder.exec);
  if (exec && isEmptyList(exec.command)) out.required([...path, 'exec'], '"command" is required');
  const httpGet = recordOf(holder.httpGet);
  if (httpGet) checkHttpGet(out, httpGet, [...path, 'httpGet']);
  const tcpSocket = recordOf(holder.tcpSocket);
  if (tcpSocket) checkPortNumberOrName(out, tcpSocket.port, [...path, 'tcpSocket', 'port']);
  const grpc = recordOf(holder.grpc);
  if (grpc) checkPortNumber(out, grpc.port, [...path, 'grpc', 'port']);
}

function checkHttpGet(out: Findings, httpGet: Record<string, unknown>, path: ObjectPath): void {
  checkPortNumberOrName(out, httpGet.port, [...path, 'port']);
  checkEnum(out, httpGet.scheme, [...path, 'scheme'], ['HTTP', 'HTTPS']);
  for (const { entry, path: at } of entriesAt(httpGet, 'httpHeaders', path)) {
    const name = stringOf(entry.name);
    if (name === undefined) continue;
    const problems = HTTP_HEADER_NAME.test(name) ? [] : ["must consist of letters, digits and '-'"];
    reportFormat(out, name, [...at, 'name'], 'HTTP header name', problems);
  }
}
