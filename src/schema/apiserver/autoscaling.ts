/**
 * HorizontalPodAutoscalers (autoscaling/v1 and v2): replica bounds. Scaling
 * to zero needs an alpha gate, so at least one replica is required.
 */
import { integerOf, recordOf } from './read.js';
import type { Findings } from './findings.js';

/** `minReplicas` (default 1) and `maxReplicas` are at least 1, and the minimum is not above the maximum. */
export function checkHorizontalPodAutoscaler(out: Findings, object: Record<string, unknown>): void {
  const spec = recordOf(object.spec);
  if (!spec) return;
  const min = integerOf(spec.minReplicas);
  const max = integerOf(spec.maxReplicas);
  if (min !== undefined && min < 1) out.value(['spec', 'minReplicas'], `"minReplicas" must be at least 1, not ${min}`);
  if (max !== undefined && max < 1) out.value(['spec', 'maxReplicas'], `"maxReplicas" must be at least 1, not ${max}`);
  else if (max !== undefined && min !== undefined && max < min) {
    out.value(['spec', 'maxReplicas'], `"maxReplicas" (${max}) must not be below "minReplicas" (${min})`);
  }
}
