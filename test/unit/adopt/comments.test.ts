import { describe, expect, it } from 'vitest';
import { parseDirective, scanIgnoreComments } from '../../../src/adopt/comments.js';

describe('k8s-bp-ignore comments', () => {
  it('reads the rule ids, separated by commas or spaces, and the reason after " -- "', () => {
    expect(parseDirective(' no-latest-tag, container-limits -- pinned by the mirror ')).toEqual({
      rules: ['no-latest-tag', 'container-limits'],
      reason: 'pinned by the mirror',
    });
    expect(parseDirective(' a b,c')).toEqual({ rules: ['a', 'b', 'c'], reason: undefined });
    expect(parseDirective(' a --')).toEqual({ rules: ['a'], reason: undefined });
    // Rule ids contain hyphens; only a free-standing "--" starts the reason.
    expect(parseDirective(' no-host-ports -- keeps --port=80 -- as is')).toEqual({
      rules: ['no-host-ports'],
      reason: 'keeps --port=80 -- as is',
    });
    expect(parseDirective('')).toEqual({ rules: [], reason: undefined });
  });

  it('applies a trailing comment to its own line and a comment line to the next line with content', () => {
    const text = [
      'apiVersion: v1', // 1
      'kind: Pod', // 2
      'spec:', // 3
      '  containers:', // 4
      '    - name: web', // 5
      '      # k8s-bp-ignore no-latest-tag -- mirrored', // 6
      '', // 7
      '      # an ordinary comment', // 8
      '      image: nginx:latest', // 9
      '      securityContext: { privileged: true } # k8s-bp-ignore no-privileged', // 10
    ].join('\n');
    expect(scanIgnoreComments(text, 'pod.yaml')).toEqual([
      {
        file: 'pod.yaml',
        documentIndex: 0,
        line: 6,
        column: 7,
        targetLine: 9,
        rules: ['no-latest-tag'],
        reason: 'mirrored',
      },
      {
        file: 'pod.yaml',
        documentIndex: 0,
        line: 10,
        column: 45,
        targetLine: 10,
        rules: ['no-privileged'],
        reason: undefined,
      },
    ]);
  });

  it('ignores the keyword inside values, and other words that start with it', () => {
    const text = [
      'metadata:',
      '  annotations:',
      '    note: "see#k8s-bp-ignore"',
      '    other: x # k8s-bp-ignored-by-someone',
      '    url: http://example.com/#k8s-bp-ignore',
    ].join('\n');
    expect(scanIgnoreComments(text, 'x.yaml')).toEqual([]);
  });

  it('ignores lines of block scalars and quoted values that look like comments', () => {
    const text = [
      'kind: ConfigMap',
      'data:',
      '  lint.sh: |',
      '    # k8s-bp-ignore no-latest-tag -- an example in a script',
      '    k8s-bp lint .',
      '  note: "first line',
      '    # k8s-bp-ignore no-privileged"',
      '  real: x # k8s-bp-ignore container-limits',
    ].join('\n');
    expect(scanIgnoreComments(text, 'x.yaml').map(({ line, rules }) => [line, rules])).toEqual([
      [8, ['container-limits']],
    ]);
    // Whatever precedes on the line, in whatever form, the columns of real comments still line up.
    const crlf = '\uFEFFa: [1, 2] # k8s-bp-ignore r\r\nb: >-\r\n  # text\r\n# k8s-bp-ignore s\r\nc: 3\r\n';
    expect(scanIgnoreComments(crlf, 'y.yaml').map(({ line, rules }) => [line, rules])).toEqual([
      [1, ['r']],
      [4, ['s']],
    ]);
  });

  it('counts YAML documents as the parser does, for ordering', () => {
    const text = [
      '---',
      '# k8s-bp-ignore a',
      'kind: A',
      '---',
      'kind: B # k8s-bp-ignore b',
      '---',
      '# k8s-bp-ignore c',
    ];
    expect(scanIgnoreComments(text.join('\n'), 'x.yaml').map((comment) => comment.documentIndex)).toEqual([0, 1, 2]);
    expect(scanIgnoreComments('# k8s-bp-ignore a\n---\nkind: A\n', 'y.yaml')[0]?.documentIndex).toBe(0);
  });

  it('handles Windows line endings', () => {
    const [comment] = scanIgnoreComments('a: 1\r\n# k8s-bp-ignore r -- why\r\nb: 2\r\n', 'w.yaml');
    expect(comment).toMatchObject({ line: 2, targetLine: 3, rules: ['r'], reason: 'why' });
  });
});
