/**
 * ConfigMaps and Secrets: keys, the ConfigMap's size, and the keys each
 * Secret type requires.
 */
import { utf8Length } from '../../util/utf8.js';
import type { ObjectPath } from '../../model/types.js';
import { ownEntry } from '../../util/own-entry.js';
import type { Findings } from './findings.js';
import { quote, recordOf, stringEntries, stringOf } from './read.js';
import { configMapKeyProblems } from './syntax.js';

type Json = Record<string, unknown>;
/** The most a ConfigMap's data may hold, in bytes. */
const MAX_CONFIG_MAP_SIZE = 1024 * 1024;

/** The keys of a data map. */
function checkKeys(out: Findings, value: unknown, path: ObjectPath): void {
  for (const key of Object.keys(recordOf(value) ?? {})) {
    const problems = configMapKeyProblems(key);
    if (problems.length > 0)
      out.value([...path, key], `key ${quote(key)} is not a valid ConfigMap or Secret key: ${problems.join('; ')}`);
  }
}

/** A ConfigMap: valid keys, none in both `data` and `binaryData`, and at most 1 MiB in all. */
export function checkConfigMap(out: Findings, object: Json): void {
  checkKeys(out, object.data, ['data']);
  checkKeys(out, object.binaryData, ['binaryData']);
  const binary = recordOf(object.binaryData) ?? {};
  let size = 0;
  for (const [key, text] of stringEntries(object.data)) {
    size += utf8Length(text);
    if (key in binary) out.duplicate(['data', key], `key ${quote(key)} is in both "data" and "binaryData"`);
  }
  // binaryData is base64 text; what counts is the decoded size.
  for (const [, text] of stringEntries(object.binaryData)) size += Math.floor((text.replace(/=+$/, '').length * 3) / 4);
  if (size > MAX_CONFIG_MAP_SIZE)
    out.value([], `a ConfigMap may hold at most ${MAX_CONFIG_MAP_SIZE} bytes (1 MiB) of data, not ${size}`);
}

/** The data keys each Secret type needs; for basic-auth, either key will do. */
const REQUIRED_SECRET_KEYS: Readonly<Record<string, readonly string[]>> = {
  'kubernetes.io/dockercfg': ['.dockercfg'],
  'kubernetes.io/dockerconfigjson': ['.dockerconfigjson'],
  'kubernetes.io/ssh-auth': ['ssh-privatekey'],
  'kubernetes.io/tls': ['tls.crt', 'tls.key'],
};

/**
 * A Secret: valid keys in `data` and `stringData` (which the API server
 * merges into `data` before it validates), and the keys its type requires.
 */
export function checkSecret(out: Findings, object: Json): void {
  checkKeys(out, object.data, ['data']);
  checkKeys(out, object.stringData, ['stringData']);
  const keys = new Set([
    ...Object.keys(recordOf(object.data) ?? {}),
    ...Object.keys(recordOf(object.stringData) ?? {}),
  ]);
  const type = stringOf(object.type) ?? '';
  const parent = recordOf(object.data) ? ['data'] : [];
  for (const key of ownEntry(REQUIRED_SECRET_KEYS, type) ?? []) {
    if (!keys.has(key)) out.required(parent, `a Secret of type ${quote(type)} needs the key ${quote(key)}`);
  }
  if (type === 'kubernetes.io/basic-auth' && !keys.has('username') && !keys.has('password')) {
    out.required(parent, 'a Secret of type "kubernetes.io/basic-auth" needs the key "username" or "password"');
  }
  const annotations = recordOf(recordOf(object.metadata)?.annotations);
  if (
    type === 'kubernetes.io/service-account-token' &&
    !stringOf(annotations?.['kubernetes.io/service-account.name'])
  ) {
    out.required(
      recordOf(object.metadata) ? ['metadata'] : [],
      'a Secret of type "kubernetes.io/service-account-token" needs the annotation "kubernetes.io/service-account.name"',
    );
  }
}
