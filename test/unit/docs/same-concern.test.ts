import { describe, expect, it } from 'vitest';
import { builtinRules } from '../../../rules/index.js';
import { SAME_CONCERN, sameConcernAs } from '../../../src/docs/same-concern.js';

const byId = new Map(builtinRules.map((rule) => [rule.meta.id, rule]));

describe('rules and ports of the same concern', () => {
  it('pair each own rule with ports, and nothing else', () => {
    for (const [own, ports] of Object.entries(SAME_CONCERN)) {
      expect(byId.get(own)?.meta.gatekeeper, `${own} is an own rule`).toBeUndefined();
      for (const port of ports) expect(byId.get(port)?.meta.gatekeeper, `${port} is a port`).toBeDefined();
    }
  });

  it('answer from either side', () => {
    expect(sameConcernAs('no-privileged')).toEqual(['k8s-psp-privileged-container']);
    expect(sameConcernAs('k8s-required-resources')).toEqual(['container-limits', 'container-requests']);
    expect(sameConcernAs('k8s-psp-seccomp')).toEqual([]);
  });
});
