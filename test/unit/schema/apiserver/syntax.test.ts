import { describe, expect, it } from 'vitest';
import {
  configMapKeyProblems,
  dns1035LabelProblems,
  dnsLabelProblems,
  dnsSubdomainProblems,
  envVarNameProblems,
  labelKeyProblems,
  labelValueProblems,
  maskTrailingDash,
  pathSegmentProblems,
  portNameProblems,
} from '../../../../src/schema/apiserver/syntax.js';

const LABEL_RULE = "must consist of lower-case letters, digits and '-', and start and end with a letter or digit";
const SUBDOMAIN_RULE =
  "must consist of lower-case letters, digits, '-' and '.', and start and end with a letter or digit";
const DNS_1035_RULE =
  "must consist of lower-case letters, digits and '-', start with a letter, and end with a letter or digit";

describe('DNS-1123 labels', () => {
  it.each(['a', 'web', 'web-1', '1web', '0', 'a'.repeat(63)])('accepts %j', (name) => {
    expect(dnsLabelProblems(name)).toEqual([]);
  });

  it.each([
    ['', [LABEL_RULE]],
    ['Web', [LABEL_RULE]],
    ['web_1', [LABEL_RULE]],
    ['-web', [LABEL_RULE]],
    ['web-', [LABEL_RULE]],
    ['web.internal', ['must not contain dots']],
    ['a'.repeat(64), ['must be no more than 63 characters']],
    ['é', [LABEL_RULE]],
  ])('rejects %j', (name, problems) => {
    expect(dnsLabelProblems(name)).toEqual(problems);
  });
});

describe('DNS-1123 subdomains', () => {
  it.each(['web', 'web.example.com', '1.2.3', `${'a'.repeat(63)}.${'b'.repeat(63)}`])('accepts %j', (name) => {
    expect(dnsSubdomainProblems(name)).toEqual([]);
  });

  it.each([
    ['', [SUBDOMAIN_RULE]],
    ['My_App', [SUBDOMAIN_RULE]],
    ['web..example', [SUBDOMAIN_RULE]],
    ['.web', [SUBDOMAIN_RULE]],
    [`${'a.'.repeat(127)}a`, ['must be no more than 253 characters']],
  ])('rejects %j', (name, problems) => {
    expect(dnsSubdomainProblems(name)).toEqual(problems);
  });
});

describe('DNS-1035 labels', () => {
  it.each(['web', 'web-1', 'a'])('accepts %j', (name) => {
    expect(dns1035LabelProblems(name)).toEqual([]);
  });

  it.each([
    ['1web', [DNS_1035_RULE]],
    ['web.a', [DNS_1035_RULE]],
    ['Web', [DNS_1035_RULE]],
    [`w${'1'.repeat(63)}`, ['must be no more than 63 characters']],
  ])('rejects %j', (name, problems) => {
    expect(dns1035LabelProblems(name)).toEqual(problems);
  });
});

describe('path segment names', () => {
  it.each(['Admin', 'system:controller:foo', 'a b', 'ünïcode'])('accepts %j', (name) => {
    expect(pathSegmentProblems(name)).toEqual([]);
  });

  it.each([
    ['.', ["may not be '.'"]],
    ['..', ["may not be '..'"]],
    ['a/b', ["may not contain '/'"]],
    ['50%', ["may not contain '%'"]],
    ['a/%', ["may not contain '/'", "may not contain '%'"]],
  ])('rejects %j', (name, problems) => {
    expect(pathSegmentProblems(name)).toEqual(problems);
  });

  it('accepts "." as the prefix of a generated name', () => {
    expect(pathSegmentProblems('.', true)).toEqual([]);
  });
});

describe('generated name prefixes', () => {
  it.each([
    ['web-', 'wea'],
    ['web', 'web'],
    ['a-', 'a'],
    ['.-', 'a'],
  ])('masks %j as %j, as the API server does', (prefix, masked) => {
    expect(maskTrailingDash(prefix)).toBe(masked);
  });
});

describe('label keys', () => {
  it.each(['app', 'App.Name_1', 'app.kubernetes.io/name', 'example.com/a', 'a'.repeat(63)])('accepts %j', (key) => {
    expect(labelKeyProblems(key)).toEqual([]);
  });

  it.each([
    ['', ['has an empty name part']],
    ['/name', ['has an empty prefix before the /']],
    ['example.com/', ['has an empty name part']],
    ['a/b/c', ["may contain at most one '/', between a DNS subdomain prefix and the name"]],
    ['Example.com/name', [`has a prefix that ${SUBDOMAIN_RULE}`]],
    [
      'bad key',
      [
        "has a name part that must consist of letters, digits, '-', '_' and '.', and start and end with a letter or digit",
      ],
    ],
    [
      '-app',
      [
        "has a name part that must consist of letters, digits, '-', '_' and '.', and start and end with a letter or digit",
      ],
    ],
    ['a'.repeat(64), ['has a name part longer than 63 characters']],
  ])('rejects %j', (key, problems) => {
    expect(labelKeyProblems(key)).toEqual(problems);
  });
});

describe('label values', () => {
  it.each(['', 'web', 'v1.2.3', 'A_b-C', 'a'.repeat(63)])('accepts %j', (text) => {
    expect(labelValueProblems(text)).toEqual([]);
  });

  it.each([
    [
      'a b',
      ["must be empty or consist of letters, digits, '-', '_' and '.', and start and end with a letter or digit"],
    ],
    [
      'v1.',
      ["must be empty or consist of letters, digits, '-', '_' and '.', and start and end with a letter or digit"],
    ],
    ['a'.repeat(64), ['must be no more than 63 characters']],
  ])('rejects %j', (text, problems) => {
    expect(labelValueProblems(text)).toEqual(problems);
  });
});

describe('port names (IANA service names)', () => {
  it.each(['http', 'h2c', 'metrics-1', 'a'.repeat(15), '1a'])('accepts %j', (name) => {
    expect(portNameProblems(name)).toEqual([]);
  });

  it.each([
    ['a'.repeat(16), ['must be no more than 15 characters']],
    ['HTTP', ["must consist of lower-case letters, digits and '-'", 'must contain at least one letter']],
    ['8080', ['must contain at least one letter']],
    ['web--ui', ["must not contain '--'"]],
    ['-web', ["must not start or end with '-'"]],
    ['web-', ["must not start or end with '-'"]],
    ['web_ui', ["must consist of lower-case letters, digits and '-'"]],
  ])('rejects %j', (name, problems) => {
    expect(portNameProblems(name)).toEqual(problems);
  });
});

describe('environment variable names', () => {
  const STRICT = "must consist of letters, digits, '_', '-' and '.', and not start with a digit";

  it.each(['PATH', 'my.env-name', '_X', '.hidden'])('accepts %j under both rules', (name) => {
    expect(envVarNameProblems(name, false)).toEqual([]);
    expect(envVarNameProblems(name, true)).toEqual([]);
  });

  it.each([
    ['1ST', [STRICT]],
    ['MY VAR', [STRICT]],
    ['café', [STRICT]],
    ['.', ["must not be '.'"]],
    ['..', ["must not be '..'"]],
    ['..x', ["must not start with '..'"]],
  ])('rejects %j before the relaxed rule', (name, problems) => {
    expect(envVarNameProblems(name, false)).toEqual(problems);
  });

  it.each(['1ST', 'MY VAR', '..x', 'a:b'])('accepts %j under the relaxed rule', (name) => {
    expect(envVarNameProblems(name, true)).toEqual([]);
  });

  it.each([
    ['', ['must not be empty']],
    ['A=B', ["must consist of printable ASCII characters other than '='"]],
    ['café', ["must consist of printable ASCII characters other than '='"]],
    ['TAB\tX', ["must consist of printable ASCII characters other than '='"]],
  ])('rejects %j under the relaxed rule', (name, problems) => {
    expect(envVarNameProblems(name, true)).toEqual(problems);
  });
});

describe('ConfigMap and Secret keys', () => {
  it.each(['config.yaml', 'KEY_1', '.dockerconfigjson'])('accepts %j', (key) => {
    expect(configMapKeyProblems(key)).toEqual([]);
  });

  it.each([
    ['a/b', ["must consist of letters, digits, '-', '_' and '.'"]],
    ['..data', ["must not start with '..'"]],
    ['k'.repeat(254), ['must be no more than 253 characters']],
  ])('rejects %j', (key, problems) => {
    expect(configMapKeyProblems(key)).toEqual(problems);
  });
});
