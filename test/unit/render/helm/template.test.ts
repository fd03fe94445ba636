/**
 * Go's text/template as Helm runs it: lexing, parsing (with positions and
 * Go's parse errors) and execution (exact output and Go's execution errors).
 */
import { describe, expect, it } from 'vitest';
import type { GoValue } from '../../../../src/render/helm/go-values.js';
import {
  TemplateExecError,
  TemplateParseError,
  TemplateSet,
  nodeText,
  type ActionNode,
  type BranchNode,
  type FieldNode,
} from '../../../../src/render/helm/template/index.js';
import { lexTemplate } from '../../../../src/render/helm/template/lexer.js';
import { parseTemplateFile } from '../../../../src/render/helm/template/parser.js';

const KEYWORDS = { breakIsKeyword: true, continueIsKeyword: true };
const lex = (text: string) => lexTemplate(text, KEYWORDS).map((token) => `${token.kind}:${token.text}`);

function render(template: string, values: GoValue = {}): string {
  const set = new TemplateSet();
  set.parse('t.yaml', template);
  return set.render('t.yaml', { Values: values }).text;
}

function failure(template: string, values: GoValue = {}): string {
  try {
    return `rendered ${JSON.stringify(render(template, values))}`;
  } catch (error) {
    if (error instanceof TemplateParseError) return error.goMessage;
    if (error instanceof TemplateExecError) return error.message;
    throw error;
  }
}

describe('lexing templates', () => {
  it.each([
    ['a{{.}}b', ['text:a', 'leftDelim:{{', 'dot:.', 'rightDelim:}}', 'text:b', 'eof:']],
    ['a \n {{- 3 -}} \n b', ['text:a', 'leftDelim:{{', 'number:3', 'rightDelim:}}', 'text:b', 'eof:']],
    ['{{-3}}', ['leftDelim:{{', 'number:-3', 'rightDelim:}}', 'eof:']],
    [
      '{{ $x := .a.b | f "s" `r` \'c\' }}',
      [
        'leftDelim:{{',
        'space: ',
        'variable:$x',
        'space: ',
        'declare::=',
        'space: ',
        'field:.a',
        'field:.b',
        'space: ',
        'pipe:|',
        'space: ',
        'identifier:f',
        'space: ',
        'string:"s"',
        'space: ',
        'rawString:`r`',
        'space: ',
        "char:'c'",
        'space: ',
        'rightDelim:}}',
        'eof:',
      ],
    ],
    [
      '{{ if true }}{{ else }}{{ end }}',
      [
        'leftDelim:{{',
        'space: ',
        'keyword:if',
        'space: ',
        'bool:true',
        'space: ',
        'rightDelim:}}',
        'leftDelim:{{',
        'space: ',
        'keyword:else',
        'space: ',
        'rightDelim:}}',
        'leftDelim:{{',
        'space: ',
        'keyword:end',
        'space: ',
        'rightDelim:}}',
        'eof:',
      ],
    ],
    ['x {{- /* note */ -}} y', ['text:x', 'comment:/* note */', 'text:y', 'eof:']],
    [
      '{{ (1) , nil }}',
      [
        'leftDelim:{{',
        'space: ',
        'leftParen:(',
        'number:1',
        'rightParen:)',
        'space: ',
        'punctuation:,',
        'space: ',
        'nil:nil',
        'space: ',
        'rightDelim:}}',
        'eof:',
      ],
    ],
    [
      '{{ 0x1F 1e3 1_000 .5 1+2i }}',
      [
        'leftDelim:{{',
        'space: ',
        'number:0x1F',
        'space: ',
        'number:1e3',
        'space: ',
        'number:1_000',
        'space: ',
        'number:.5',
        'space: ',
        'complex:1+2i',
        'space: ',
        'rightDelim:}}',
        'eof:',
      ],
    ],
  ])('lexes %j', (text, tokens) => {
    expect(lex(text)).toEqual(tokens);
  });

  it.each([
    ['{{ "a', 'unterminated quoted string'],
    ['{{ `a', 'unterminated raw quoted string'],
    ["{{ 'a", 'unterminated character constant'],
    ['{{/* a', 'unclosed comment'],
    ['{{/* a */ }}', 'comment ends before closing delimiter'],
    ['{{ 3x }}', 'bad number syntax: "3x"'],
    ['{{ .x-}}', "bad character U+002D '-'"],
    ['{{ 1 ) }}', 'unexpected right paren'],
    ['{{ ( }}', 'unclosed left paren'],
    ['{{ a : }}', 'expected :='],
    ['{{ 1 ', 'unclosed action'],
    ['{{ 1 \u00a7 }}', "unrecognized character in action: U+00A7 '§'"],
  ])('stops at the first error in %j', (text, message) => {
    expect(lex(text).at(-1)).toBe(`error:${message}`);
  });

  it('keeps break and continue as plain names when a function is called that', () => {
    const tokens = lexTemplate('{{ break }}', { breakIsKeyword: false, continueIsKeyword: true });
    expect(tokens[2]).toMatchObject({ kind: 'identifier', text: 'break' });
  });
});

describe('parsing templates', () => {
  const parse = (text: string) => parseTemplateFile('t.yaml', text, { hasFunction: (name) => name === 'f' });

  it('keeps the position of every node', () => {
    const root = parse('a\n  {{ if .x.y }}{{ f $ "s" }}{{ end }}').get('t.yaml')!.root;
    const branch = root.nodes[1] as BranchNode;
    expect(branch.position).toEqual({ file: 't.yaml', offset: 10, line: 2, column: 9 });
    const field = branch.pipe.cmds[0]!.args[0] as FieldNode;
    expect(field).toMatchObject({ ident: ['x', 'y'], position: { line: 2, column: 11 } });
    const action = branch.list.nodes[0] as ActionNode;
    expect(action.position).toMatchObject({ line: 2, column: 19 });
    expect(action.pipe.cmds[0]!.args.map((arg) => [nodeText(arg), arg.position.column])).toEqual([
      ['f', 19],
      ['$', 21],
      ['"s"', 23],
    ]);
  });

  it('writes nodes back as Go prints them in messages', () => {
    const text =
      '{{$x := (f .a).b | f $x.c 1.5 `r` nil true}}{{range $i, $v := .}}{{break}}{{else}}{{end}}{{template "n" .}}';
    const root = parse(text).get('t.yaml')!.root;
    expect(nodeText(root)).toBe(
      '{{$x := (f .a).b | f $x.c 1.5 `r` nil true}}{{range $i, $v := .}}{{break}}{{else}}{{end}}{{template "n" .}}',
    );
  });

  it('puts defines and blocks beside the main template', () => {
    const trees = parse('{{ define "a" }}A{{ end }}x{{ block "b" . }}B{{ end }}');
    expect([...trees.keys()].sort()).toEqual(['a', 'b', 't.yaml']);
    expect(nodeText(trees.get('t.yaml')!.root)).toBe('x{{template "b" .}}');
  });

  it('rejects an unknown function, naming it with the file, line and column', () => {
    let error: unknown;
    try {
      parse('a: 1\nb: {{ .x | nope 2 }}');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(TemplateParseError);
    expect((error as TemplateParseError).message).toBe('template: t.yaml:2:12: function "nope" not defined');
    expect((error as TemplateParseError).goMessage).toBe('template: t.yaml:2: function "nope" not defined');
    expect((error as TemplateParseError).position).toMatchObject({ file: 't.yaml', line: 2, column: 12 });
  });

  it.each([
    ['{{ if 1 }}', 'unexpected EOF'],
    ['{{ end }}', 'unexpected {{end}}'],
    ['{{ else }}', 'unexpected {{else}}'],
    ['{{ if 1 }}{{ else }}{{ else }}{{ end }}', 'expected end; found {{else}}'],
    ['{{ if 1 }}{{ else with 2 }}{{ end }}', 'unexpected <with> in input'],
    ['{{ with 1 }}{{ else if 2 }}{{ end }}', 'unexpected <if> in input'],
    ['{{ if 1 }}{{ define "a" }}{{ end }}{{ end }}', 'unexpected <define> in command'],
    ['{{ $x }}', 'undefined variable "$x"'],
    ['{{ break }}', '{{break}} outside {{range}}'],
    ['{{ range . }}{{ continue 1 }}{{ end }}', 'unexpected "1" in {{continue}}'],
    ['{{ 1 | 2 }}', 'non executable command in pipeline stage 2'],
    ['{{ }}', 'missing value for command'],
    ['{{ | }}', 'unexpected "|" in command'],
    ['{{ 1 @ }}', 'unexpected "@" in operand'],
    ['{{ "a".x }}', 'unexpected . after term "\\"a\\""'],
    ['{{ nil.x }}', 'unexpected . after term "nil"'],
    ['{{ range $i, $v, $w := . }}{{ end }}', 'too many declarations in range'],
    ['{{ $i, $v := 1 }}', 'too many declarations in command'],
    ['{{ range $i, 1 }}{{ end }}', 'range can only initialize variables'],
    ['{{ template }}', 'unexpected "}}" in template clause'],
    ['{{ template x }}', 'unexpected "x" in template clause'],
    ['{{ define "a" "b" }}{{ end }}', 'unexpected "\\"b\\"" in define clause'],
    ['{{ define "a" }}x{{ end }}{{ define "a" }}y{{ end }}', 'template: multiple definition of template "a"'],
    ['{{ 08 }}', 'integer overflow: "08"'],
    ['{{ 99999999999999999999 }}', 'integer overflow: "99999999999999999999"'],
    ['{{ 1__0 }}', 'illegal number syntax: "1__0"'],
    ['{{ 1_ }}', 'illegal number syntax: "1_"'],
    ['{{ - }}', 'illegal number syntax: "-"'],
    ["{{ 'ab' }}", "malformed character constant: 'ab'"],
    ["{{ '' }}", 'invalid syntax'],
    ['{{ "\\q" }}', 'invalid syntax'],
    ['{{ "a"\n\n', 'unclosed action started at t.yaml:1'],
    ['{{ 1 }}{{ averyveryverylongname }}', 'function "averyveryverylongname" not defined'],
    ['{{ template abcdefghijklmnop }}', 'unexpected "abcdefghij"... in template clause'],
  ])('fails on %j: %s', (text, reason) => {
    expect(() => parse(text)).toThrow(reason);
    try {
      parse(text);
    } catch (error) {
      expect((error as TemplateParseError).reason).toBe(reason);
    }
  });

  it('reports the line Go reports: where the parser stopped', () => {
    expect(() => parse('a\nb\n{{ if 1 }}\nc\n')).toThrow(
      expect.objectContaining({ goMessage: 'template: t.yaml:5: unexpected EOF' }),
    );
  });
});

describe('executing templates', () => {
  const values: GoValue = {
    s: 'str',
    n: 1.5,
    big: 1e6,
    m: { b: 2, a: 'x' },
    l: ['a', null],
    nul: null,
    e: {},
  };

  it.each([
    ['{{ .Values.s }}|{{ .Values.n }}|{{ .Values.big }}', 'str|1.5|1e+06'],
    ['{{ .Values.missing }}|{{ .Values.nul }}', '<no value>|<no value>'],
    ['{{ .Values.m }}|{{ .Values.l }}|{{ .Values.e }}', 'map[a:x b:2]|[a <nil>]|map[]'],
    ["{{ 1e3 }}|{{ 1.0 }}|{{ 0x10 }}|{{ 010 }}|{{ 'a' }}|{{ -0.0 }}", '1000|1|16|8|97|-0'],
    ['{{ range $k, $v := .Values.m }}{{ $k }}{{ $v }}{{ end }}', 'axb2'],
    ['{{ range $i, $v := .Values.l }}{{ $i }}{{ $v }}{{ end }}', '0a1<no value>'],
    ['{{ range 3 }}{{ . }}{{ end }}{{ range 0 }}x{{ else }}-{{ end }}', '012-'],
    ['{{ range .Values.l }}{{ if not . }}{{ break }}{{ end }}{{ . }}{{ end }}', 'a'],
    ['{{ range .Values.l }}{{ if . }}{{ continue }}{{ end }}[{{ . }}]{{ end }}', '[<no value>]'],
    ['{{ range 2 }}{{ range $.Values.missing }}{{ else }}{{ continue }}{{ end }}x{{ end }}', ''],
    ['{{ with .Values.m }}{{ .a }}{{ else }}none{{ end }}', 'x'],
    ['{{ with .Values.e }}x{{ else with .Values.s }}{{ . }}{{ end }}', 'str'],
    ['{{ if .Values.e }}a{{ else if .Values.l }}b{{ end }}', 'b'],
    ['{{ and 1 0 }}|{{ or 0 "" }}|{{ and false .Values.x.y }}|{{ not .Values.e }}', '0||false|true'],
    ['{{ eq .Values.s "str" "x" }}|{{ ne 1 2 }}|{{ lt "a" "b" }}|{{ ge 2.5 2.5 }}', 'true|true|true|true'],
    ['{{ len .Values.l }}|{{ index .Values.m "a" }}|{{ index .Values.l 0 }}|{{ slice "hello" 1 3 }}', '2|x|a|el'],
    ['{{ print 1 2 "a" }}|{{ println "x" }}|{{ printf "%05.1f" 3.14159 }}', '1 2a|x\n|003.1'],
    ['{{ html "<&>" }}|{{ js "a\'b" }}|{{ urlquery "a b" }}', "&lt;&amp;&gt;|a\\'b|a+b"],
    ['{{ $x := 1 }}{{ if true }}{{ $x = 2 }}{{ $y := 3 }}{{ end }}{{ $x }}', '2'],
    [
      '{{ define "t" }}[{{ . }}|{{ $ }}]{{ end }}{{ template "t" 5 }}{{ template "t" }}',
      '[5|5][<no value>|<no value>]',
    ],
    ['{{ block "b" .Values.s }}<{{ . }}>{{ end }}', '<str>'],
    ['{{ (.Values.missing).x }}|{{ $v := .Values.missing }}{{ $v.x }}', '<no value>|<no value>'],
  ])('renders %j', (template, expected) => {
    expect(render(template, values)).toBe(expected);
  });

  it.each([
    [
      '{{ eq .Values.n 1 }}',
      'at <eq .Values.n 1>: error calling eq: incompatible types for comparison: float64 and int',
    ],
    ['{{ .Values.missing.x }}', 'at <.Values.missing.x>: nil pointer evaluating interface {}.x'],
    ['{{ range .Values.l }}{{ .y }}{{ end }}', "at <.y>: can't evaluate field y in type interface {}"],
    ['{{ $x := 1 }}{{ $x.y }}', "at <$x.y>: can't evaluate field y in type int"],
    ['{{ .Values.m.a 1 }}', 'at <.Values.m.a>: a is not a method but has arguments'],
    ['{{ len nil }}', 'at <len nil>: error calling len: reflect: call of reflect.Value.Type on zero Value'],
    ['{{ len .Values.missing }}', 'at <len .Values.missing>: error calling len: len of nil pointer'],
    ['{{ index .Values.l 2 }}', 'at <index .Values.l 2>: error calling index: reflect: slice index out of range'],
    ['{{ index .Values.l 3 }}', 'at <index .Values.l 3>: error calling index: index out of range: 3'],
    ['{{ slice "abc" 2 1 }}', 'at <slice "abc" 2 1>: error calling slice: invalid slice index: 2 > 1'],
    ['{{ slice "abc" 0 1 2 }}', 'at <slice "abc" 0 1 2>: error calling slice: cannot 3-index slice a string'],
    ['{{ slice nil }}', 'at <slice nil>: error calling slice: slice of untyped nil'],
    ['{{ slice 3 }}', "at <slice 3>: error calling slice: can't slice item of type int"],
    [
      '{{ eq .Values.m .Values.m }}',
      'error calling eq: non-comparable type map[a:x b:%!s(float64=2)]: map[string]interface {}',
    ],
    [
      '{{ eq .Values.m .Values.l }}',
      'error calling eq: non-comparable types map[a:x b:%!s(float64=2)]: map[string]interface {}, []interface {}: [a <nil>]',
    ],
    ['{{ range .Values.n }}{{ end }}', "at <.Values.n>: range can't iterate over 1.5"],
    ['{{ range $i, $v := 3 }}{{ end }}', "at <3>: can't use 3 to iterate over more than one variable"],
    ['{{ printf }}', 'at <printf>: wrong number of args for printf: want at least 1 got 0'],
    ['{{ printf 1 }}', 'at <1>: expected string; found 1'],
    ['{{ printf .Values.n }}', 'at <.Values.n>: wrong type for value; expected string; got float64'],
    ['{{ printf .Values.nul }}', 'at <.Values.nul>: wrong type for value; expected string; got interface {}'],
    ['{{ printf (.Values.nul) }}', 'at <.Values.nul>: invalid value; expected string'],
    ['{{ printf nil }}', 'at <nil>: cannot assign nil to string'],
    ['{{ nil }}', 'at <nil>: nil is not a command'],
    ['{{ 1 2 }}', "at <1>: can't give argument to non-function 1"],
    ['{{ $x = 1 }}', 'at <1>: undefined variable: $x'],
    ['{{ call .Values.n }}', 'error calling call: non-function .Values.n of type float64'],
    ['{{ template "nope" }}', 'at <{{template "nope"}}>: template "nope" not defined'],
    ['{{ 18446744073709551615 }}', 'at <18446744073709551615>: 18446744073709551615 overflows int'],
  ])('fails on %j', (template, reason) => {
    expect(failure(template, values)).toContain(reason);
  });

  it('writes the location as Go does: file, line and 0-based byte column, and the executing template', () => {
    expect(failure('é\n  {{ define "d" }}\n {{ .Values.x.y }}{{ end }}ö{{ template "d" . }}')).toBe(
      'template: t.yaml:3:11: executing "d" at <.Values.x.y>: nil pointer evaluating interface {}.y',
    );
  });

  it('stops runaway template recursion as Go does', () => {
    expect(failure('{{ define "r" }}{{ template "r" . }}{{ end }}{{ template "r" . }}')).toBe(
      'template: t.yaml:1:28: executing "r" at <{{template "r" .}}>: exceeded maximum template depth (100000)',
    );
  });
});
