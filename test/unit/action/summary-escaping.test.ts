/**
 * The job summary is Markdown that GitHub renders; file names and messages in
 * it come from manifests a pull request may write. Whatever they hold, they
 * must stay text in their table cell: no line break, no unescaped character
 * that starts Markdown or HTML, and the table keeps its columns.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeMarkdown, renderSummary, TOP_FILES } from '../../../src/action/job-summary.js';
import type { Finding } from '../../../src/model/types.js';

/** Characters that can start or end Markdown or HTML syntax in GitHub-flavoured Markdown. */
const SPECIAL = '\\`*_{}[]()#+-.!|<>&~:@$';
/** Line and paragraph breaks, and other control characters. */
const BREAKS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

/** The text with every backslash escape removed: what must be left has no Markdown in it. */
const withoutEscapes = (text: string) => text.replace(/\\[\s\S]/g, '');

describe('escapeMarkdown', () => {
  it('leaves no line break and no unescaped Markdown character, for any text', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string({ unit: 'binary' }),
          fc.string({ unit: fc.constantFrom(...SPECIAL, '\n', 'a', ' ') }),
        ),
        (text) => {
          const escaped = escapeMarkdown(text);
          expect(escaped).not.toMatch(BREAKS);
          for (const char of withoutEscapes(escaped)) expect(SPECIAL).not.toContain(char);
        },
      ),
      { seed: 42, numRuns: 500 },
    );
  });

  it('keeps the text readable: removing the escapes gives it back, with breaks as spaces', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const unescaped = escapeMarkdown(text).replace(/\\([\s\S])/g, '$1');
        expect(unescaped).toBe(text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' '));
      }),
      { seed: 42, numRuns: 300 },
    );
  });
});

describe('the job summary with hostile manifest values', () => {
  const HOSTILE = [
    'web|x',
    'line\nbreak\r\nand\u2028more',
    '</details><script>alert(1)</script>',
    '`code` and ```fence```',
    '[link](https://evil.example) ![image](https://evil.example/x.png)',
    '# heading',
    '- list item',
    '&lt;b&gt; &#60;',
    '<!-- comment',
    '@someone mention',
    '$x^2$ math',
    '~~strike~~ **bold** _em_',
    '| --- |',
  ];
  const findings: Finding[] = HOSTILE.map((value, index) => ({
    ruleId: 'no-latest-tag',
    constraintName: 'no-latest-tag',
    severity: 'error',
    message: `container "VALUE ${value}" uses image "nginx:latest"`,
    file: `k8s/VALUE ${value}.yaml`,
    line: index + 1,
    column: 1,
    endLine: index + 1,
    endColumn: 2,
    path: '',
    documentIndex: 0,
  }));
  const markdown = renderSummary({
    findings,
    files: HOSTILE.length,
    resources: HOSTILE.length,
    displayPath: (file) => file,
    sarifFile: 'reports/<b>k8s-bp</b>|.sarif',
  });
  const lines = markdown.split('\n');

  it('keeps every value inside its table row, with the columns of its table', () => {
    const rows = lines.filter((line) => line.startsWith('| k8s/'));
    // The files table (the first ten files) and the detail table both have four columns: five unescaped pipes.
    expect(rows).toHaveLength(TOP_FILES + HOSTILE.length);
    for (const row of rows) {
      expect(withoutEscapes(row).split('|').length - 1, row).toBe(5);
      expect(withoutEscapes(row).replace(/\|/g, ''), row).not.toMatch(/[<>[\]`*_#&~]/);
    }
  });

  it('has no HTML but its own details block, and no line that a value started', () => {
    expect(markdown.match(/<\/?details>/g)).toEqual(['<details>', '</details>']);
    expect(markdown).not.toMatch(/(^|[^\\])<(script|!--|b>)/m);
    // Every line that shows a value is a table row, or the SARIF line: no value started a line of its own.
    const showsValue = /VALUE/;
    for (const line of lines.filter((each) => showsValue.test(each))) {
      expect(line.startsWith('| ') && line.endsWith(' |'), line).toBe(true);
    }
    expect(lines.filter((line) => line.startsWith('SARIF report: '))).toEqual([
      'SARIF report: reports/\\<b\\>k8s\\-bp\\</b\\>\\|\\.sarif',
    ]);
  });
});
