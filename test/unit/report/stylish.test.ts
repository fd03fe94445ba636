import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../src/model/types.js';
import { formatStylish } from '../../../src/report/stylish.js';

function finding(line: number, message: string, extra: Partial<Finding> = {}): Finding {
  return {
    ruleId: 'some-rule',
    constraintName: 'some-rule',
    severity: 'error',
    message,
    file: 'app.yaml',
    line,
    column: 7,
    endLine: line,
    endColumn: 9,
    path: 'spec.containers[0]',
    documentIndex: 0,
    object: { apiVersion: 'v1', kind: 'Pod', name: 'web' },
    ...extra,
  };
}

const report = (findings: Finding[]) => formatStylish(findings, { colour: false, files: 1, resources: 1 });

describe('stylish report', () => {
  it("gathers a container's findings under one heading at its first finding, without naming it again", () => {
    const text = report([
      finding(3, 'Pod "web" sets no serviceAccountName', { path: 'spec' }),
      finding(8, 'container "web" has no livenessProbe', { container: 'web' }),
      finding(9, 'container "sidecar" has no livenessProbe', { container: 'sidecar' }),
      finding(10, 'container "web" uses image "nginx:latest"', { container: 'web' }),
    ]);
    expect(text.split('\n').slice(0, 6)).toEqual([
      'app.yaml',
      '  3:7   error  Pod "web" sets no serviceAccountName      some-rule',
      '  container "web" in Pod "web"',
      '    8:7   error  has no livenessProbe                      some-rule',
      '    10:7  error  uses image "nginx:latest"                 some-rule',
      '  9:7   error  container "sidecar" has no livenessProbe  some-rule',
    ]);
  });

  it('keeps containers of different documents apart', () => {
    const text = report([
      finding(8, 'container "web" has no livenessProbe', { container: 'web' }),
      finding(9, 'container "web" has no readinessProbe', { container: 'web' }),
      finding(20, 'container "web" has no livenessProbe', { container: 'web', documentIndex: 1 }),
      finding(21, 'container "web" has no readinessProbe', { container: 'web', documentIndex: 1 }),
    ]);
    expect(text.match(/container "web" in Pod "web"/g)).toHaveLength(2);
  });

  it('does not let one very long message push every rule id to the right', () => {
    const long = `container "web" ${'x'.repeat(150)}`;
    const text = report([finding(3, 'short'), finding(4, long, { path: 'spec' })]);
    expect(text).toContain('  3:7  error  short  some-rule\n');
    expect(text).toContain(`  4:7  error  ${long}  some-rule\n`);
  });
});
