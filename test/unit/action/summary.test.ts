import { describe, expect, it } from 'vitest';
import { readInputs, splitList } from '../../../src/action/inputs.js';
import { failureReason } from '../../../src/action/run-action.js';
import { escapeMarkdown, MAX_DETAILED_FINDINGS, renderSummary, TOP_FILES } from '../../../src/action/job-summary.js';
import type { Finding } from '../../../src/model/types.js';

const finding = (file: string, severity: Finding['severity'] = 'error'): Finding => ({
  ruleId: 'no-latest-tag',
  constraintName: 'no-latest-tag',
  severity,
  message: 'container "web" uses image "nginx:latest"',
  file,
  line: 1,
  column: 1,
  endLine: 1,
  endColumn: 2,
  path: '',
  documentIndex: 0,
});

describe('escapeMarkdown', () => {
  it('escapes what could start markup, and turns line breaks into spaces', () => {
    expect(escapeMarkdown('a|b *c* [d](e) <f> `g` h\ni')).toBe('a\\|b \\*c\\* \\[d\\]\\(e\\) \\<f\\> \\`g\\` h i');
    expect(escapeMarkdown('plain words, and "quotes"')).toBe('plain words, and "quotes"');
  });
});

describe('renderSummary', () => {
  it(`lists the ${TOP_FILES} files with the most findings, and at most ${MAX_DETAILED_FINDINGS} findings`, () => {
    const findings = Array.from({ length: 150 }, (_, index) => finding(`f${String(index % 15).padStart(2, '0')}.yaml`));
    const markdown = renderSummary({
      findings,
      files: 15,
      resources: 15,
      displayPath: (file) => file,
      sarifFile: undefined,
    });
    expect(markdown.match(/^\| f\d\d\\\.yaml \| 10 \|/gm)).toHaveLength(TOP_FILES);
    expect(markdown).toContain('…and 5 more files.');
    expect(markdown).toContain(`<summary>The first ${MAX_DETAILED_FINDINGS} findings</summary>`);
    expect(markdown.match(/^\| f\d\d\\\.yaml\\:1\\:1 \|/gm)).toHaveLength(MAX_DETAILED_FINDINGS);
  });
});

describe('action inputs', () => {
  it('splits lists on newlines and spaces', () => {
    expect(splitList('k8s/\n  deploy/**/*.yaml other.yaml\n')).toEqual(['k8s/', 'deploy/**/*.yaml', 'other.yaml']);
  });

  it('rejects standard input, which a job does not have', () => {
    expect(() => readInputs((name) => (name === 'paths' ? '-' : ''))).toThrow('input paths cannot include -');
  });
});

describe('failureReason', () => {
  it.each([
    [{ errors: 0, warnings: 0, notes: 3 }, 'warning', undefined],
    [{ errors: 2, warnings: 1, notes: 0 }, 'error', 'k8s-bp found 2 errors (fail-on: error)'],
    [{ errors: 0, warnings: 2, notes: 0 }, 'warning', 'k8s-bp found 2 warnings (fail-on: warning)'],
    [{ errors: 5, warnings: 5, notes: 0 }, 'never', undefined],
  ] as const)('%o with fail-on %s → %s', (counts, failOn, reason) => {
    expect(failureReason(counts, failOn)).toBe(reason);
  });
});
