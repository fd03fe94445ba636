/**
 * The functions whose output Helm draws from chance or the clock: k8s-bp's
 * stand-ins have the shape Helm's output has (measured with Helm 4.1.4),
 * are the same for the same seed, and are remembered as produced so that
 * lint rules can leave them alone.
 */
import { describe, expect, it } from 'vitest';
import { Certificate } from '../../../../src/render/helm/functions/certificates.js';
import { formatGoValue } from '../../../../src/render/helm/functions/go-format.js';
import { GoTime } from '../../../../src/render/helm/functions/go-time.js';
import {
  createSerializeFunctions,
  NON_HERMETIC_FUNCTIONS,
  NonHermeticSource,
} from '../../../../src/render/helm/functions/serialize-table.js';
import { kindOf, type GoValue } from '../../../../src/render/helm/go-values.js';

function table(seed = 1) {
  const source = new NonHermeticSource({ seed });
  const functions = createSerializeFunctions(source);
  const call = (name: string, ...args: GoValue[]): GoValue => {
    const fn = functions[name];
    if (!fn) throw new Error(`no function ${name}`);
    return fn(...args);
  };
  return { source, call };
}

const PEM = (type: string) =>
  new RegExp(`^-----BEGIN ${type}-----\\n(?:[A-Za-z0-9+/]{64}\\n)*[A-Za-z0-9+/=]{1,64}\\n-----END ${type}-----\\n$`);

describe('random stand-ins', () => {
  it.each<[string, GoValue[], RegExp]>([
    ['randAlphaNum', [10n], /^[A-Za-z0-9]{10}$/],
    ['randAlpha', [5n], /^[A-Za-z]{5}$/],
    ['randNumeric', [7n], /^[0-9]{7}$/],
    ['randAscii', [12n], /^[ -~]{12}$/],
    ['randBytes', [8n], /^[A-Za-z0-9+/]{11}=$/],
    ['uuidv4', [], /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/],
    ['bcrypt', ['x'], /^\$2a\$10\$[./A-Za-z0-9]{53}$/],
    ['htpasswd', ['u', 'p'], /^u:\$2a\$10\$[./A-Za-z0-9]{53}$/],
    ['encryptAES', ['k', 'text'], /^[A-Za-z0-9+/]{43}=$/],
    ['genPrivateKey', ['rsa'], PEM('RSA PRIVATE KEY')],
    ['genPrivateKey', ['ecdsa'], PEM('EC PRIVATE KEY')],
    ['genPrivateKey', ['ed25519'], PEM('PRIVATE KEY')],
    ['genPrivateKey', ['dsa'], PEM('DSA PRIVATE KEY')],
  ])('%s has the shape of Helm’s output and is noted as produced', (name, args, shape) => {
    const { source, call } = table();
    const output = call(name, ...args);
    expect(output).toMatch(shape);
    expect(source.isProduced(String(output))).toBe(true);
  });

  it('gives the same stand-ins for the same seed and different ones for another', () => {
    expect(table(7).call('randAlphaNum', 16n)).toBe(table(7).call('randAlphaNum', 16n));
    expect(table(7).call('randAlphaNum', 16n)).not.toBe(table(8).call('randAlphaNum', 16n));
  });

  it('keeps randInt in [min, max) and shuffle to the same characters', () => {
    const { call } = table();
    for (let index = 0; index < 50; index++) {
      const value = call('randInt', 3n, 6n) as bigint;
      expect(value >= 3n && value < 6n).toBe(true);
    }
    expect([...String(call('shuffle', 'abcdef'))].sort().join('')).toBe('abcdef');
    expect(() => call('randInt', 5n, 5n)).toThrow('invalid argument to Intn');
  });

  it('takes counts as Go ints only, as text/template does', () => {
    expect(() => table().call('randAlphaNum', 10)).toThrow('wrong type for value; expected int; got float64');
  });

  it('tells a text that contains a produced string', () => {
    const { source, call } = table();
    const password = String(call('randAlphaNum', 10n));
    expect(source.containsProduced(`password=${password}`)).toBe(true);
    expect(source.containsProduced('password=hunter2')).toBe(false);
  });
});

describe('certificate stand-ins', () => {
  it('returns sprig.certificate structs with PEM Cert and Key', () => {
    const { source, call } = table();
    const ca = call('genCA', 'my-ca', 365n);
    expect(ca).toBeInstanceOf(Certificate);
    expect(kindOf(ca)).toBe('struct');
    const cert = call('genSignedCert', 'web', null, ['web.local'], 365n, ca) as Certificate;
    expect(cert.fields.Cert).toMatch(PEM('CERTIFICATE'));
    expect(cert.fields.Key).toMatch(PEM('RSA PRIVATE KEY'));
    expect(source.isProduced(cert.cert)).toBe(true);
    expect(JSON.parse(String(call('toJson', cert)))).toEqual({ Cert: cert.cert, Key: cert.key });
    expect(() => call('genSignedCert', 'web', null, null, 365n, {})).toThrow(
      'wrong type for value; expected sprig.certificate; got map[string]interface {}',
    );
    expect(() => call('genCA', 'my-ca', 365)).toThrow('wrong type for value; expected int; got float64');
  });

  it('builds a custom certificate from base64 exactly', () => {
    const cert = table().call(
      'buildCustomCert',
      Buffer.from('C').toString('base64'),
      Buffer.from('K').toString('base64'),
    );
    expect(formatGoValue(cert)).toBe('{C K}');
  });
});

describe('clock stand-ins', () => {
  it('gives a fixed now, and notes what is printed from it', () => {
    const { source, call } = table();
    const now = call('now');
    expect(now).toBeInstanceOf(GoTime);
    expect(formatGoValue(now)).toBe('2025-01-01 00:00:00 +0000 UTC');
    const stamp = String(call('date', '20060102150405', now));
    expect(stamp).toBe('20250101000000');
    expect(source.isProduced(stamp)).toBe(true);
    expect(source.isProduced(String(call('date', '2006', call('toDate', '2006', '2017'))))).toBe(false);
    expect(call('ago', call('toDate', '2006-01-02', '2024-12-31'))).toBe('24h0m0s');
  });

  it('names every function whose result is a stand-in', () => {
    expect([...NON_HERMETIC_FUNCTIONS].sort()).toContain('genSignedCert');
    expect(NON_HERMETIC_FUNCTIONS.has('toYaml')).toBe(false);
  });
});
