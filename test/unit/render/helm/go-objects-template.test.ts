/**
 * The Go objects of the date, semver and certificate functions inside the
 * template executor: their fields and methods read as templates read them,
 * and printed by the executor's printer as Go's fmt prints them.
 */
import { describe, expect, it } from 'vitest';
import { sprigFunctions } from '../../../../src/render/helm/functions/index.js';
import { createSerializeFunctions, NonHermeticSource } from '../../../../src/render/helm/functions/serialize-table.js';
import { renderTemplate } from '../../../helpers/template-render.js';

const render = (text: string) =>
  renderTemplate(text, {}, { ...sprigFunctions, ...createSerializeFunctions(new NonHermeticSource({ seed: 1 })) });

describe('Go objects in templates', () => {
  it('prints times with their String method and calls their methods', () => {
    expect(render('{{ now }}|{{ now | date "2006-01-02" }}|{{ now.Unix }}|{{ (now).Format "Jan 2" }}')).toBe(
      '2025-01-01 00:00:00 +0000 UTC|2025-01-01|1735689600|Jan 1',
    );
    expect(
      render('{{ $t := toDate "2006-01-02 -0700" "2017-12-31 +0200" }}{{ $t }}|{{ $t.UTC }}|{{ typeOf $t }}'),
    ).toBe('2017-12-31 00:00:00 +0200 +0200|2017-12-30 22:00:00 +0000 UTC|time.Time');
  });

  it('reads a version through its methods and prints it as String() does', () => {
    expect(
      render('{{ $v := semver "v1.2-rc.1+b" }}{{ $v }}|{{ $v.Major }}|{{ $v.Prerelease }}|{{ $v.Original }}'),
    ).toBe('1.2.0-rc.1+b|1|rc.1|v1.2-rc.1+b');
    expect(render('{{ printf "%T %v" (semver "1.2.3") (list (semver "1.2.3")) }}')).toBe('*semver.Version [1.2.3]');
  });

  it('reads a certificate’s Cert and Key fields and prints it as a struct', () => {
    const text = render(
      '{{ $c := buildCustomCert "Qw==" "Sw==" }}{{ $c }}|{{ $c.Cert }}|{{ $c.Key }}|{{ printf "%+v" $c }}',
    );
    expect(text).toBe('{C K}|C|K|{Cert:C Key:K}');
    expect(render('{{ $ca := genCA "ca" 365 }}{{ $ca.Cert | trunc 27 }}')).toBe('-----BEGIN CERTIFICATE-----');
  });

  it('fails on a name the type does not have, as Go does', () => {
    expect(() => render('{{ (semver "1.2.3").Nope }}')).toThrow("can't evaluate field Nope in type *semver.Version");
  });
});
