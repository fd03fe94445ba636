/**
 * Sprig's key and certificate functions. Helm generates real keys and
 * certificates, different on every run; k8s-bp returns PEM blocks of the
 * right type and about the right size whose bodies are random bytes, noted
 * as produced (see non-hermetic.ts), so that nothing judges them as real.
 * `buildCustomCert` only decodes what it is given, so it is exact.
 */
import { GoObject, type GoValue } from '../go-values.js';
import { expectArgs, GoArgumentError, goTypeName, intArg, listArg, stringArg, type GoFunction } from './args.js';
import type { JsonMarshaler } from './go-json-encode.js';
import type { NonHermeticSource } from './non-hermetic.js';

/** Sprig's `certificate` struct: `.Cert` and `.Key` hold PEM text; `%v` prints `{<cert> <key>}`. */
export class Certificate extends GoObject implements JsonMarshaler {
  constructor(
    readonly cert: string,
    readonly key: string,
  ) {
    super('sprig.certificate', 'struct', { Cert: cert, Key: key });
  }

  jsonValue(): GoValue {
    return { Cert: this.cert, Key: this.key };
  }
}

/** A PEM block with a random body of `size` bytes, wrapped at 64 columns as Go's encoder does. */
function pemBlock(source: NonHermeticSource, type: string, size: number): string {
  const body = Buffer.from(source.bytes(size)).toString('base64');
  const lines = body.match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${type}-----\n${lines.join('\n')}\n-----END ${type}-----\n`;
}

// DER sizes of what Sprig generates: RSA 4096 for genPrivateKey, RSA 2048 inside certificates.
const KEY_SIZES: Record<string, [string, number]> = {
  rsa: ['RSA PRIVATE KEY', 2349],
  dsa: ['DSA PRIVATE KEY', 860],
  ecdsa: ['EC PRIVATE KEY', 121],
  ed25519: ['PRIVATE KEY', 48],
};
const CERTIFICATE_KEY_SIZE = 1191;
const CERTIFICATE_SIZE = 834;

function certificate(source: NonHermeticSource, key?: string): Certificate {
  const cert = source.record(pemBlock(source, 'CERTIFICATE', CERTIFICATE_SIZE));
  return new Certificate(cert, key ?? source.record(pemBlock(source, 'RSA PRIVATE KEY', CERTIFICATE_KEY_SIZE)));
}

function caArg(value: GoValue | undefined): Certificate {
  if (value instanceof Certificate) return value;
  const got = value === null || value === undefined ? 'interface {}' : goTypeName(value);
  throw new GoArgumentError(`wrong type for value; expected sprig.certificate; got ${got}`);
}

/** Checks the arguments of a certificate function: name, then lists of IPs and names where it takes them, then days. */
function certificateArgs(name: string, args: readonly GoValue[], count: number, withLists: boolean): void {
  expectArgs(name, args, count);
  stringArg(args[0]);
  if (withLists) {
    listArg(args[1]);
    listArg(args[2]);
  }
  intArg(args[withLists ? 3 : 1]);
}

function buildCustomCert(...args: GoValue[]): Certificate {
  expectArgs('buildCustomCert', args, 2);
  const decode = (text: string, what: string) => {
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 === 1) {
      throw new Error(`unable to decode base64 ${what}: illegal base64 data`);
    }
    return Buffer.from(text, 'base64').toString('utf8');
  };
  return new Certificate(decode(stringArg(args[0]), 'certificate'), decode(stringArg(args[1]), 'private key'));
}

/** The key and certificate functions over one source, by template name. */
export function certificateFunctions(source: NonHermeticSource): Record<string, GoFunction> {
  return {
    genPrivateKey: (...args) => {
      expectArgs('genPrivateKey', args, 1);
      const type = stringArg(args[0]);
      const block = KEY_SIZES[type];
      return block ? source.record(pemBlock(source, block[0], block[1])) : `Unknown type ${type}`;
    },
    genCA: (...args) => (certificateArgs('genCA', args, 2, false), certificate(source)),
    genCAWithKey: (...args) => (
      certificateArgs('genCAWithKey', args, 3, false),
      certificate(source, stringArg(args[2]))
    ),
    genSelfSignedCert: (...args) => (certificateArgs('genSelfSignedCert', args, 4, true), certificate(source)),
    genSelfSignedCertWithKey: (...args) => {
      certificateArgs('genSelfSignedCertWithKey', args, 5, true);
      return certificate(source, stringArg(args[4]));
    },
    genSignedCert: (...args) => {
      certificateArgs('genSignedCert', args, 5, true);
      caArg(args[4]);
      return certificate(source);
    },
    genSignedCertWithKey: (...args) => {
      certificateArgs('genSignedCertWithKey', args, 6, true);
      caArg(args[4]);
      return certificate(source, stringArg(args[5]));
    },
    buildCustomCert,
  };
}
