import { describe, expect, it } from 'vitest';
import { cel, celError, type Case } from './run.js';

const LABEL_RULE =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const SUBDOMAIN_RULE =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const DNS1035_RULE =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";
const NAME_RULE =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const LABEL_VALUE_RULE =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

/** The errors `validate` reports, or `[]` when it reports none. */
const problems = (format: string, text: string): unknown =>
  cel(`format.${format}().validate(params).orValue([])`, { params: text });

// k8s.io/apiserver/pkg/cel/library/format.go, with apimachinery's name validation and kube-openapi's formats.
describe('Kubernetes named-format library', () => {
  it.each<[string, string]>([
    ['dns1123Label', 'my-name'],
    ['dns1123Label', '123-abc'],
    ['dns1123Label', 'a'.repeat(63)],
    ['dns1123Subdomain', 'apiextensions.k8s.io'],
    ['dns1035Label', 'my-name'],
    ['qualifiedName', 'MyName'],
    ['qualifiedName', 'apiextensions.k8s.io/v1beta1'],
    ['dns1123LabelPrefix', 'my-label-prefix-'],
    ['dns1123SubdomainPrefix', 'mysubdomain.prefix.-'],
    ['dns1035LabelPrefix', 'my-label-prefix-'],
    ['labelValue', ''],
    ['labelValue', 'my_value.2'],
    ['uri', 'http://example.com'],
    ['uri', '/absolute/path'],
    ['uuid', '123e4567-e89b-12d3-a456-426614174000'],
    ['uuid', '123E4567E89B12D3A456426614174000'],
    ['byte', 'aGVsbG8='],
    ['date', '2024-02-29'],
    ['datetime', '2021-01-01T00:00:00Z'],
    ['datetime', '2021-01-01t23:59:59.123+02:00'],
  ])('format.%s() accepts %j', (format, text) => {
    expect(problems(format, text)).toEqual([]);
  });

  it.each<[string, string, string[]]>([
    ['dns1123Label', 'My_Name', [LABEL_RULE]],
    ['dns1123Label', 'my.name', ['must not contain dots']],
    ['dns1123Label', 'a'.repeat(64), ['must be no more than 63 characters']],
    ['dns1123Label', '-'.repeat(64), ['must be no more than 63 characters', LABEL_RULE]],
    ['dns1123Label', 'trailing-', [LABEL_RULE]],
    ['dns1123Subdomain', 'Example.com', [SUBDOMAIN_RULE]],
    ['dns1123Subdomain', 'a.'.repeat(127) + 'a', ['must be no more than 253 characters']],
    ['dns1035Label', '1abc', [DNS1035_RULE]],
    ['qualifiedName', 'example.com/', ['name part must be non-empty', NAME_RULE]],
    ['qualifiedName', '/name', ['prefix part must be non-empty']],
    ['qualifiedName', 'Example.com/name', [`prefix part ${SUBDOMAIN_RULE}`]],
    ['qualifiedName', '-name', [NAME_RULE]],
    ['qualifiedName', 'n'.repeat(64), ['name part must be no more than 63 characters']],
    ['labelValue', 'v'.repeat(64), ['must be no more than 63 characters']],
    ['labelValue', '-value', [LABEL_VALUE_RULE]],
    ['dns1123LabelPrefix', 'my-Prefix-', [LABEL_RULE]],
    ['uri', 'example.com', ['parse "example.com": invalid URI for request']],
    ['uri', '', ['parse "": empty url']],
    ['uuid', '123e4567-e89b-12d3-a456', ['does not match the UUID format']],
    ['byte', 'aGVsbG8', ['invalid base64']],
    ['byte', '', ['invalid base64']],
    ['date', '2023-02-29', ['invalid date']],
    ['date', '2021-13-01', ['invalid date']],
    ['date', '2021-1-01', ['invalid date']],
    ['datetime', '2021-01-01', ['invalid datetime']],
    ['datetime', '2021-01-01T24:00:00Z', ['invalid datetime']],
    ['datetime', '2021-01-01T00:00:00', ['invalid datetime']],
  ])('format.%s() rejects %j', (format, text, expected) => {
    expect(problems(format, text)).toEqual(expected);
  });

  it('keeps the first qualified-name check when the name has more than one slash', () => {
    expect(problems('qualifiedName', 'a/b/c')).toEqual([
      "a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')",
    ]);
  });

  it.each<Case>([
    ["format.named('dns1123Label').hasValue()", true],
    ["format.named('datetime').hasValue()", true],
    ["format.named('DNS1123Label').hasValue()", false],
    ["format.named('email').hasValue()", false],
    ["format.named('labelValue').value().validate('ok').hasValue()", false],
    ["format.named('labelValue').value() == format.labelValue()", true],
    ['format.uuid() == format.byte()', false],
    ["format.named('nope').orValue(format.uuid()).validate('x').value()", ['does not match the UUID format']],
    ["format.dns1123Label().validate('Bad').value().join('\\n').startsWith('a lowercase RFC 1123 label')", true],
    ["!format.dns1123Subdomain().validate('apiextensions.k8s.io').hasValue()", true],
  ])('%s is %s', (expression, expected) => {
    expect(cel(expression)).toEqual(expected);
  });

  it('checks names read from the object', () => {
    const object = { metadata: { name: 'Web_Server' } };
    expect(cel('format.dns1123Label().validate(object.metadata.name).hasValue()', { object })).toBe(true);
  });

  it.each<Case>([
    ['format.dns1123Label().validate(5)', /no matching overload for 'kubernetes.NamedFormat.validate\(int\)'/],
    ['format.named(1)', /no matching overload for 'kubernetes.FormatNamespace.named\(int\)'/],
    ['format.unknown()', /no matching overload for 'kubernetes.FormatNamespace.unknown\(\)'/],
    ["format.named('nope').value()", /Optional value is not present/],
  ])('%s fails', (expression, message) => {
    expect(celError(expression)).toMatch(message as RegExp);
  });
});
