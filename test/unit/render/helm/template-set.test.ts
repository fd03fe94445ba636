/**
 * A chart's templates as one set: shared define names, render options
 * (missingkey, `<no value>` removal), output provenance, the caller's
 * function table with Go-style argument checks, functions that run
 * templates (as Helm's include and tpl will), and values with methods.
 */
import { describe, expect, it } from 'vitest';
import { GoObject, type GoValue } from '../../../../src/render/helm/go-values.js';
import {
  TemplateExecError,
  TemplateParseError,
  TemplateSet,
  type FunctionTable,
  type OutputSegment,
} from '../../../../src/render/helm/template/index.js';

function setOf(files: Record<string, string>, functions: FunctionTable = {}): TemplateSet {
  const set = new TemplateSet(functions);
  for (const [file, text] of Object.entries(files)) set.parse(file, text);
  return set;
}

function errorOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    return (error as Error).message;
  }
  return 'no error';
}

describe('a set of templates', () => {
  it('shares define names across files; a later definition wins, as in parse order', () => {
    const set = setOf({
      'charts/sub/templates/_helpers.tpl': '{{ define "name" }}sub{{ end }}{{ define "only-sub" }}s{{ end }}',
      'templates/_helpers.tpl': '{{ define "name" }}parent{{ end }}',
      'templates/cm.yaml': 'name: {{ template "name" }}-{{ template "only-sub" }}',
    });
    expect(set.render('templates/cm.yaml', {}).text).toBe('name: parent-s');
    expect(set.names().sort()).toEqual([
      'charts/sub/templates/_helpers.tpl',
      'name',
      'only-sub',
      'templates/_helpers.tpl',
      'templates/cm.yaml',
    ]);
  });

  it('keeps a definition when a later file defines the name with an empty body', () => {
    const set = setOf({
      'a.tpl': '{{ define "x" }}kept{{ end }}',
      'b.tpl': '{{ define "x" }} {{ end }}',
      'c.yaml': '{{ template "x" }}',
    });
    expect(set.render('c.yaml', {}).text).toBe('kept');
  });

  it('fails a file that defines a name twice, and leaves the set as it was', () => {
    const set = setOf({ 'a.tpl': '{{ define "x" }}a{{ end }}' });
    expect(() => set.parse('b.tpl', '{{ define "y" }}1{{ end }}{{ define "y" }}2{{ end }}')).toThrow(
      TemplateParseError,
    );
    expect(set.has('y')).toBe(false);
  });

  it('fails the whole file on an unknown function, even in a branch that never runs', () => {
    const set = new TemplateSet();
    expect(errorOf(() => set.parse('t.yaml', 'a\n{{ if false }}{{ toYaml . }}{{ end }}'))).toBe(
      'template: t.yaml:2:18: function "toYaml" not defined',
    );
  });

  it('renders any template by name and names the root template for an unknown one', () => {
    const set = setOf({ 't.yaml': '{{ define "inner" }}[{{ . }}]{{ end }}outer' });
    expect(set.render('inner', 'dot').text).toBe('[dot]');
    expect(errorOf(() => set.render('nope', null))).toBe(
      'template: no template "nope" associated with template "gotpl"',
    );
  });
});

describe('render options', () => {
  const values = { Values: { m: { a: 1 }, nul: null } };

  it('reads a missing key as nil by default (Helm), as no value, or as an error', () => {
    const set = setOf({ 't.yaml': '[{{ .Values.m.b }}][{{ .Values.m.b | printf "%v" }}]' });
    expect(set.render('t.yaml', values).text).toBe('[<no value>][<nil>]');
    expect(set.render('t.yaml', values, { missingKey: 'default' }).text).toBe('[<no value>][<nil>]');
    expect(errorOf(() => set.render('t.yaml', values, { missingKey: 'error' }))).toBe(
      'template: t.yaml:1:11: executing "t.yaml" at <.Values.m.b>: map has no entry for key "b"',
    );
  });

  it('tells a missing key from a nil one only where Go does', () => {
    const set = setOf({ 't.yaml': '{{ .Values.missing.x }}' });
    expect(errorOf(() => set.render('t.yaml', values))).toContain('nil pointer evaluating interface {}.x');
    expect(set.render('t.yaml', values, { missingKey: 'default' }).text).toBe('<no value>');
    expect(errorOf(() => set.render('t.yaml', values, { missingKey: 'error' }))).toContain(
      'map has no entry for key "missing"',
    );
  });

  it('cuts every <no value> out when asked, as Helm does, and moves the segments with the text', () => {
    const set = setOf({ 't.yaml': 'a: {{ .Values.nul }}\nb: "<no value>"\nc: {{ "x" }}' });
    const { text, segments } = set.render('t.yaml', values, { removeNoValue: true });
    expect(text).toBe('a: \nb: ""\nc: x');
    const x = segments.find((segment) => text.slice(segment.start, segment.end) === 'x');
    expect(x).toMatchObject({ kind: 'action', source: { line: 3, column: 7 } });
    expect(segments.every((segment) => segment.end > segment.start)).toBe(true);
  });
});

describe('provenance of rendered text', () => {
  const where = (text: string, segments: readonly OutputSegment[]) =>
    segments.map((segment) => {
      const stack = segment.callStack.map((call) => `${call.file}:${call.line}:${call.column}`).join(' > ');
      const place = `${segment.source.file}:${segment.source.line}:${segment.source.column}`;
      return `${JSON.stringify(text.slice(segment.start, segment.end))} ${segment.kind} ${place}${stack ? ` via ${stack}` : ''}`;
    });

  it('maps each piece of output to the text node or action that wrote it', () => {
    const set = setOf({ 't.yaml': 'kind: Pod\nname: {{ .name }}\n{{- range .ports }}\n- {{ . }}{{ end }}' });
    const { text, segments } = set.render('t.yaml', { name: 'web', ports: [80, 443] });
    expect(text).toBe('kind: Pod\nname: web\n- 80\n- 443');
    expect(where(text, segments)).toEqual([
      '"kind: Pod\\nname: " text t.yaml:1:1',
      '"web" action t.yaml:2:10',
      '"\\n- " text t.yaml:3:20',
      '"80" action t.yaml:4:6',
      '"\\n- " text t.yaml:3:20',
      '"443" action t.yaml:4:6',
    ]);
  });

  it('records the template calls that led to text written by a define', () => {
    const set = setOf({
      '_helpers.tpl': '{{ define "labels" }}app: {{ . }}{{ end }}{{ define "meta" }}{{ template "labels" . }}{{ end }}',
      't.yaml': 'metadata: {{ template "meta" "web" }}',
    });
    const { text, segments } = set.render('t.yaml', null);
    expect(where(text, segments)).toEqual([
      '"metadata: " text t.yaml:1:1',
      '"app: " text _helpers.tpl:1:22 via t.yaml:1:23 > _helpers.tpl:1:74',
      '"web" action _helpers.tpl:1:30 via t.yaml:1:23 > _helpers.tpl:1:74',
    ]);
  });
});

describe('the function table', () => {
  const functions: FunctionTable = {
    upper: { signature: { params: ['string'] }, call: ([text]) => (text as string).toUpperCase() },
    repeat: {
      signature: { params: ['int', 'string'] },
      call: ([count, text]) => (text as string).repeat(Number(count)),
    },
    first: { signature: { params: ['list'] }, call: ([list]) => (list as GoValue[] | null)?.[0] ?? null },
    keys: { signature: { params: ['map'] }, call: ([map]) => Object.keys(map as object).sort() },
    fail: {
      signature: { params: ['string'] },
      call: ([message]) => {
        throw new Error(message as string);
      },
    },
    // Overrides Go's builtin of the same name, as Helm's Sprig does for slice.
    len: { call: () => 'mine' },
  };
  const run = (template: string, values: GoValue = {}) =>
    setOf({ 't.yaml': template }, functions).render('t.yaml', { Values: values }).text;

  it('calls functions with evaluated arguments and the pipeline value last', () => {
    expect(
      run('{{ upper "a" }}|{{ "b" | upper }}|{{ repeat 3 "x" }}|{{ "y" | repeat 2 }}|{{ keys .Values }}', {
        z: 1,
        a: 2,
      }),
    ).toBe('A|B|xxx|yy|[a z]');
  });

  it('lets the table override a builtin', () => {
    expect(run('{{ len "abc" }}')).toBe('mine');
  });

  it.each([
    ['{{ upper 1 }}', 'at <1>: expected string; found 1'],
    ['{{ upper .Values.n }}', 'at <.Values.n>: wrong type for value; expected string; got float64'],
    ['{{ upper .Values.nul }}', 'at <.Values.nul>: wrong type for value; expected string; got interface {}'],
    ['{{ .Values.missing | upper }}', 'at <upper>: invalid value; expected string'],
    ['{{ repeat 1.5 "x" }}', 'at <1.5>: expected integer; found 1.5'],
    ['{{ repeat .Values.n "x" }}', 'at <.Values.n>: wrong type for value; expected int; got float64'],
    ['{{ first "abc" }}', 'at <"abc">: can\'t handle "abc" for arg of type []interface {}'],
    [
      '{{ keys .Values.l }}',
      'at <.Values.l>: wrong type for value; expected map[string]interface {}; got []interface {}',
    ],
    ['{{ upper }}', 'at <upper>: wrong number of args for upper: want 1 got 0'],
    ['{{ "a" | upper "b" }}', 'at <upper>: wrong number of args for upper: want 1 got 2'],
    ['{{ fail "boom" }}', 'at <fail "boom">: error calling fail: boom'],
  ])('checks arguments as Go does: %s', (template, reason) => {
    expect(errorOf(() => run(template, { n: 1.5, nul: null, l: [] }))).toContain(reason);
  });

  it('accepts a whole-number literal where an int is expected and nil where a list is', () => {
    expect(run('{{ repeat 2.0 "x" }}|{{ first nil }}')).toBe('xx|<no value>');
  });
});

describe('functions that run templates', () => {
  const functions: FunctionTable = {
    include: {
      needsExecutor: true,
      signature: { params: ['string', 'any'] },
      call: ([name, data], executor) => {
        const depth = executor.callStack.filter((frame) => frame.name === name).length;
        if (depth > 50) throw new Error(`rendering template has a nested reference name: ${name}`);
        return executor.executeTemplate(name as string, data ?? null).text;
      },
    },
    tpl: {
      needsExecutor: true,
      signature: { params: ['string', 'any'] },
      call: ([text, data], executor) => executor.renderText('gotpl', text as string, data ?? null).text,
    },
    where: {
      needsExecutor: true,
      call: (_, executor) => `${executor.templateName}@${executor.position.line}:${executor.position.column}`,
    },
  };

  it('executes a define and returns its text for further piping', () => {
    const set = setOf({ 't.yaml': '{{ define "x" }}[{{ . }}]{{ end }}{{ include "x" 5 | printf "%s!" }}' }, functions);
    expect(set.render('t.yaml', null).text).toBe('[5]!');
  });

  it('keeps segments of an executed define, with the call site on their stack', () => {
    const set = setOf({ 't.yaml': '{{ define "x" }}a{{ . }}{{ end }}\n{{ include "x" 5 }}' }, functions);
    let seen: readonly OutputSegment[] = [];
    const spy: FunctionTable = {
      ...functions,
      include: {
        needsExecutor: true,
        call: ([name, data], executor) => {
          const result = executor.executeTemplate(name as string, data ?? null);
          seen = result.segments;
          return result.text;
        },
      },
    };
    const spied = setOf({ 't.yaml': '{{ define "x" }}a{{ . }}{{ end }}\n{{ include "x" 5 }}' }, spy);
    expect(spied.render('t.yaml', null).text).toBe('\na5');
    expect(seen.map((segment) => [segment.start, segment.end, segment.callStack.map((call) => call.line)])).toEqual([
      [0, 1, [2]],
      [1, 2, [2]],
    ]);
    expect(set.render('t.yaml', null).text).toBe('\na5');
  });

  it("wraps an error inside the executed define in the caller's error", () => {
    const set = setOf({ 't.yaml': '{{ define "x" }}{{ .a.b }}{{ end }}{{ include "x" .Values }}' }, functions);
    expect(errorOf(() => set.render('t.yaml', { Values: {} }))).toBe(
      'template: t.yaml:1:38: executing "t.yaml" at <include "x" .Values>: error calling include: ' +
        'template: t.yaml:1:21: executing "x" at <.a.b>: nil pointer evaluating interface {}.b',
    );
  });

  it('lets the function count nested calls of one name to stop recursion', () => {
    const set = setOf({ 't.yaml': '{{ define "r" }}{{ include "r" . }}{{ end }}{{ include "r" 1 }}' }, functions);
    expect(errorOf(() => set.render('t.yaml', null))).toContain('rendering template has a nested reference name: r');
  });

  it('names an unknown template as Go does', () => {
    const set = setOf({ 't.yaml': '{{ include "nope" . }}' }, functions);
    expect(errorOf(() => set.render('t.yaml', null))).toContain(
      'error calling include: template: no template "nope" associated with template "gotpl"',
    );
  });

  it("renders text as a template in a copy of the set, with the set's defines", () => {
    const set = setOf(
      {
        't.yaml':
          '{{ define "d" }}D{{ end }}{{ tpl "{{ template \\"d\\" }}{{ define \\"e\\" }}{{ end }}{{ .x }}" .Values }}',
      },
      functions,
    );
    expect(set.render('t.yaml', { Values: { x: 'X' } }).text).toBe('DX');
    expect(set.has('e')).toBe(false);
  });

  it('tells the function where it is called from', () => {
    const set = setOf({ 't.yaml': '{{ define "d" }}\n  {{ where }}{{ end }}{{ template "d" }}' }, functions);
    expect(set.render('t.yaml', null).text).toBe('\n  d@2:6');
  });
});

describe('values with fields and methods', () => {
  const files = new GoObject(
    'chartutil.Files',
    'map',
    { 'a.txt': new TextEncoder().encode('hi') },
    {
      Get: { params: 1, call: ([name]) => (name === 'a.txt' ? 'hi' : '') },
    },
  );
  const versions = new GoObject(
    'chartutil.VersionSet',
    'slice',
    { 0: 'v1', 1: 'apps/v1' },
    {
      Has: { params: 1, call: ([version]) => version === 'v1' || version === 'apps/v1' },
    },
  );
  const kube = new GoObject(
    '*chartutil.KubeVersion',
    'ptr',
    { Version: 'v1.35.0', Major: '1', Minor: '35' },
    {
      GitVersion: { params: 0, call: () => 'v1.35.0' },
    },
    'v1.35.0',
  );
  const chart = new GoObject('*chart.Metadata', 'ptr', { Name: 'web', Version: '1.0.0' });
  const context = {
    Files: files,
    Capabilities: new GoObject('*chartutil.Capabilities', 'ptr', { APIVersions: versions, KubeVersion: kube }),
    Chart: chart,
  };
  const run = (template: string) => setOf({ 't.yaml': template }).render('t.yaml', context).text;

  it('reads fields, calls methods with arguments, and calls argument-less methods read as fields', () => {
    expect(
      run(
        '{{ .Chart.Name }}|{{ .Files.Get "a.txt" }}|{{ "a.txt" | .Files.Get }}|{{ .Capabilities.APIVersions.Has "apps/v1" }}|' +
          '{{ .Capabilities.KubeVersion.GitVersion }}|{{ .Capabilities.KubeVersion }}|{{ .Capabilities.KubeVersion.Minor }}',
      ),
    ).toBe('web|hi|hi|true|v1.35.0|v1.35.0|35');
  });

  it('prints a struct as Go does, and ranges over a named slice', () => {
    expect(
      run('{{ .Chart }}|{{ printf "%+v|%T" .Chart .Chart }}|{{ range .Capabilities.APIVersions }}{{ . }};{{ end }}'),
    ).toBe('&{web 1.0.0}|&{Name:web Version:1.0.0}|*chart.Metadata|v1;apps/v1;');
  });

  it('fails as Go does on a missing field, a field given arguments, and a method given the wrong count', () => {
    // Read from the context map, .Chart is an interface{} to Go; as dot of a with, it has its own type.
    expect(errorOf(() => run('{{ .Chart.Nope }}'))).toContain("can't evaluate field Nope in type interface {}");
    expect(errorOf(() => run('{{ with .Chart }}{{ .Nope }}{{ end }}'))).toContain(
      "can't evaluate field Nope in type *chart.Metadata",
    );
    expect(errorOf(() => run('{{ .Chart.Name 1 }}'))).toContain('Name has arguments but cannot be invoked as function');
    expect(errorOf(() => run('{{ .Files.Get }}'))).toContain('wrong number of args for Get: want 1 got 0');
  });

  it('is true in an if, like any struct', () => {
    expect(run('{{ if .Chart }}yes{{ end }}')).toBe('yes');
  });
});

describe('errors', () => {
  it("carry the failing node's position and the call stack", () => {
    const set = setOf({ 't.yaml': '{{ define "d" }}\n{{ .x.y }}{{ end }}{{ template "d" .Values }}' });
    let error: TemplateExecError | undefined;
    try {
      set.render('t.yaml', { Values: {} });
    } catch (caught) {
      error = caught as TemplateExecError;
    }
    expect(error).toBeInstanceOf(TemplateExecError);
    expect(error!.position).toMatchObject({ file: 't.yaml', line: 2, column: 6 });
    expect(error!.callStack).toEqual([{ file: 't.yaml', offset: 48, line: 2, column: 32 }]);
    expect(error!.reason).toBe('nil pointer evaluating interface {}.y');
  });
});
