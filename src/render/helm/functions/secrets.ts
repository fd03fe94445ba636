/**
 * Sprig's password and encryption functions. `derivePassword` (the Master
 * Password algorithm) and `decryptAES` are deterministic and computed for
 * real; `encryptAES` is real AES-256-CBC but with a stand-in for its random
 * IV; `bcrypt` and `htpasswd` return hashes of the right shape that verify
 * nothing. Everything random is noted as produced (see non-hermetic.ts).
 */
import { createCipheriv, createDecipheriv, createHmac, scryptSync } from 'node:crypto';
import { expectArgs, intArg, stringArg, type GoFunction } from './args.js';
import type { NonHermeticSource } from './non-hermetic.js';

const BCRYPT_ALPHABET = './ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** A bcrypt hash's shape at Go's default cost: `$2a$10$` then 53 characters. */
function bcryptStandIn(source: NonHermeticSource): string {
  return source.record(`$2a$10$${source.chars(BCRYPT_ALPHABET, 53)}`);
}

/** The 32-byte key Sprig makes of a password: its bytes, cut or padded with zeros. */
function aesKey(password: string): Buffer {
  const key = Buffer.alloc(32);
  Buffer.from(password, 'utf8').copy(key, 0, 0, 32);
  return key;
}

function encryptAes(source: NonHermeticSource, password: string, text: string): string {
  if (text === '') return '';
  const iv = Buffer.from(source.bytes(16));
  const cipher = createCipheriv('aes-256-cbc', aesKey(password), iv);
  return source.record(Buffer.concat([iv, cipher.update(text, 'utf8'), cipher.final()]).toString('base64'));
}

function decryptAes(password: string, encrypted: string): string {
  if (encrypted === '') return '';
  const bytes = Buffer.from(encrypted, 'base64');
  if (bytes.length < 32 || bytes.length % 16 !== 0) throw new Error('crypto/cipher: input not full blocks');
  const decipher = createDecipheriv('aes-256-cbc', aesKey(password), bytes.subarray(0, 16)).setAutoPadding(false);
  const plain = Buffer.concat([decipher.update(bytes.subarray(16)), decipher.final()]);
  // Sprig strips as many bytes as the last one says, without checking them.
  return plain.subarray(0, Math.max(plain.length - (plain[plain.length - 1] ?? 0), 0)).toString('utf8');
}

const TEMPLATES: Record<string, string[]> = {
  maximum: ['anoxxxxxxxxxxxxxxxxx', 'axxxxxxxxxxxxxxxxxno'],
  long: [
    ...['CvcvnoCvcvCvcv', 'CvcvCvcvnoCvcv', 'CvcvCvcvCvcvno', 'CvccnoCvcvCvcv', 'CvccCvcvnoCvcv', 'CvccCvcvCvcvno'],
    ...['CvcvnoCvccCvcv', 'CvcvCvccnoCvcv', 'CvcvCvccCvcvno', 'CvcvnoCvcvCvcc', 'CvcvCvcvnoCvcc', 'CvcvCvcvCvccno'],
    ...['CvccnoCvccCvcv', 'CvccCvccnoCvcv', 'CvccCvccCvcvno', 'CvcvnoCvccCvcc', 'CvcvCvccnoCvcc', 'CvcvCvccCvccno'],
    ...['CvccnoCvcvCvcc', 'CvccCvcvnoCvcc', 'CvccCvcvCvccno'],
  ],
  medium: ['CvcnoCvc', 'CvcCvcno'],
  short: ['Cvcn'],
  basic: ['aaanaaan', 'aannaaan', 'aaannaaa'],
  pin: ['nnnn'],
};

const CHARACTERS: Record<string, string> = {
  V: 'AEIOU',
  C: 'BCDFGHJKLMNPQRSTVWXYZ',
  v: 'aeiou',
  c: 'bcdfghjklmnpqrstvwxyz',
  A: 'AEIOUBCDFGHJKLMNPQRSTVWXYZ',
  a: 'AEIOUaeiouBCDFGHJKLMNPQRSTVWXYZbcdfghjklmnpqrstvwxyz',
  n: '0123456789',
  o: "@&%?,=[]_:-+*$#!'^~;()/.",
  x: 'AEIOUaeiouBCDFGHJKLMNPQRSTVWXYZbcdfghjklmnpqrstvwxyz0123456789!@#$%^&*()',
};

const SCOPE = 'com.lyndir.masterpassword';

/** A length-prefixed (32-bit big-endian) string, as the algorithm frames its inputs. */
function framed(text: string): Buffer {
  const bytes = Buffer.from(text, 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(bytes.length);
  return Buffer.concat([length, bytes]);
}

/** The Master Password algorithm (v3) as Sprig implements it. */
export function derivePassword(counter: number, type: string, password: string, user: string, site: string): string {
  const templates = TEMPLATES[type];
  if (!templates) return `cannot find password template ${type}`;
  const salt = Buffer.concat([Buffer.from(SCOPE), framed(user)]);
  const key = scryptSync(password, salt, 64, { N: 32768, r: 8, p: 2, maxmem: 64 * 1024 * 1024 });
  const count = Buffer.alloc(4);
  count.writeUInt32BE(counter >>> 0);
  const seed = createHmac('sha256', key)
    .update(Buffer.concat([Buffer.from(SCOPE), framed(site), count]))
    .digest();
  const template = templates[(seed[0] ?? 0) % templates.length] ?? '';
  return Array.from(template, (kind, index) => {
    const characters = CHARACTERS[kind] ?? '';
    return characters[(seed[index + 1] ?? 0) % characters.length] ?? '';
  }).join('');
}

/** The password and encryption functions over one source, by template name. */
export function secretFunctions(source: NonHermeticSource): Record<string, GoFunction> {
  return {
    derivePassword: (...args) => {
      expectArgs('derivePassword', args, 5);
      const [type, password, user, site] = args.slice(1).map((arg) => stringArg(arg));
      return derivePassword(Number(intArg(args[0])), type ?? '', password ?? '', user ?? '', site ?? '');
    },
    bcrypt: (...args) => {
      expectArgs('bcrypt', args, 1);
      stringArg(args[0]);
      return bcryptStandIn(source);
    },
    htpasswd: (...args) => {
      expectArgs('htpasswd', args, 2);
      const user = stringArg(args[0]);
      if (user.includes(':')) return `invalid username: ${user}`;
      stringArg(args[1]);
      return source.record(`${user}:${bcryptStandIn(source)}`);
    },
    encryptAES: (...args) => {
      expectArgs('encryptAES', args, 2);
      return encryptAes(source, stringArg(args[0]), stringArg(args[1]));
    },
    decryptAES: (...args) => {
      expectArgs('decryptAES', args, 2);
      return decryptAes(stringArg(args[0]), stringArg(args[1]));
    },
  };
}
