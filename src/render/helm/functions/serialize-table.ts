/**
 * The serialization, version, random, crypto and date functions of Helm and
 * Sprig, as one table for the template executor. Functions that Helm runs
 * differently each time (random, clock, key generation) draw from the
 * render's {@link NonHermeticSource}, which remembers what they produced.
 */
import type { GoFunction } from './args.js';
import { certificateFunctions } from './certificates.js';
import { dateFunctions } from './dates.js';
import { DESERIALIZE_FUNCTIONS } from './deserialize.js';
import { NonHermeticSource } from './non-hermetic.js';
import { randomFunctions } from './random.js';
import { secretFunctions } from './secrets.js';
import { SEMVER_FUNCTIONS } from './semver-functions.js';
import { SERIALIZE_FUNCTIONS } from './serialize.js';

export { GoArgumentError, type GoFunction } from './args.js';
export { NonHermeticSource, type NonHermeticOptions } from './non-hermetic.js';

/** Functions whose result Helm would give differently on another run, in whole or in part. */
export const NON_HERMETIC_FUNCTIONS: ReadonlySet<string> = new Set([
  ...'randAlphaNum randAlpha randNumeric randAscii randBytes randInt uuidv4 shuffle'.split(' '),
  ...'genPrivateKey genCA genCAWithKey genSelfSignedCert genSelfSignedCertWithKey genSignedCert'.split(' '),
  ...'genSignedCertWithKey bcrypt htpasswd encryptAES now ago'.split(' '),
]);

/** The table, name → function, with the non-hermetic ones drawing from `source`. */
export function createSerializeFunctions(source = new NonHermeticSource()): Record<string, GoFunction> {
  return {
    ...SERIALIZE_FUNCTIONS,
    ...DESERIALIZE_FUNCTIONS,
    ...SEMVER_FUNCTIONS,
    ...randomFunctions(source),
    ...certificateFunctions(source),
    ...secretFunctions(source),
    ...dateFunctions(source),
  };
}
