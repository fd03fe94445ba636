import {
  WORKLOAD_KINDS,
  exemptImagesParam,
  hasPlaceholder,
  isExemptName,
  isRecord,
  judgedContainers,
} from '../src/kit/rule-api.js';
import type { ContainerRef, Rule, Violation } from '../src/kit/rule-api.js';

/** The keys of `meta.messages`: a violation's `messageId` is checked against them. */
type MessageId = 'literalSecret';

type Params = {
  exemptNames: string[];
  exemptImages: string[];
};

/** Words that, as the last word of a variable's name, say it holds a credential. */
const SECRET_WORDS = new Set([
  'PASSWORD',
  'PASSWORDS',
  'PASSWD',
  'PASSPHRASE',
  'SECRET',
  'SECRETS',
  'TOKEN',
  'TOKENS',
  'APIKEY',
  'ACCESSKEY',
  'SECRETKEY',
  'PRIVATEKEY',
  'CREDENTIAL',
  'CREDENTIALS',
  'CREDS',
]);

/** Words that mean a credential only after another word: `DB_PASS`, `API_KEY`, but not `PWD` (the shell's working directory). */
const QUALIFIED_SECRET_WORDS = new Set(['PASS', 'PWD', 'KEY', 'KEYS']);

/** Last words that say the value is the credential's content in some encoding: `JWT_SECRET_BASE64`, `SECRET_KEY_BASE`. */
const CONTENT_WORDS = new Set(['JSON', 'BASE64', 'B64', 'PEM', 'VALUE', 'BASE', 'DATA']);

/** Words before `KEY` that make it an identifier rather than a credential: `SORT_KEY`, `GPG_KEY` (a fingerprint). */
const NON_SECRET_KEY_QUALIFIERS = new Set([
  'SORT',
  'PARTITION',
  'PRIMARY',
  'FOREIGN',
  'CACHE',
  'LOCK',
  'ROUTING',
  'SHARD',
  'HASH',
  'OBJECT',
  'BUCKET',
  'FIELD',
  'LABEL',
  'ANNOTATION',
  'CONFIG',
  'CONFIGMAP',
  'MAP',
  'QUEUE',
  'TOPIC',
  'TRANSLATION',
  'I18N',
  'IDEMPOTENCY',
  'FEATURE',
  'METRIC',
  'METRICS',
  'HEADER',
  'GPG',
  'PGP',
  'PUBLIC',
]);

/**
 * Anywhere in a name, these say the value is not the credential: it is meant to be seen (`SSH_PUBLIC_KEY`,
 * `STRIPE_PUBLISHABLE_KEY`), it is a quantity (`MAX_TOTAL_TOKENS` for a language model), or it is a switch
 * about the credential (`MYSQL_ALLOW_EMPTY_PASSWORD`, `MYSQL_RANDOM_ROOT_PASSWORD`).
 */
const NOT_A_CREDENTIAL_WORDS = new Set([
  'PUBLIC',
  'PUBLISHABLE',
  'PUB',
  'MAX',
  'MIN',
  'NUM',
  'NUMBER',
  'LIMIT',
  'COUNT',
  'ALLOW',
  'ENABLE',
  'ENABLED',
  'DISABLE',
  'DISABLED',
  'REQUIRE',
  'REQUIRED',
  'SKIP',
  'RANDOM',
  'GENERATE',
  'EMPTY',
]);

/** Literal values that switch something on or off or stand for "nothing", not a credential. */
const NON_CREDENTIAL_VALUES = new Set([
  'true',
  'false',
  'yes',
  'no',
  'on',
  'off',
  'enabled',
  'disabled',
  'none',
  'null',
  'nil',
  'undefined',
  '-',
]);

/**
 * Containers do not carry credentials as literal environment values. An
 * `env` entry is reported when its name reads as a credential and its `value`
 * is a literal. The name reads as one when, split into words (at `_`, `-`,
 * `.` and lower-to-upper case changes), its last word is PASSWORD, PASSWD,
 * PASSPHRASE, SECRET, TOKEN, APIKEY, CREDENTIALS, CREDS and the like, or PASS,
 * PWD or KEY after another word (`DB_PASS`, `API_KEY`, but not `SORT_KEY`); a
 * last word such as JSON, BASE64 or BASE after one of them counts too
 * (`SECRET_KEY_BASE`). A last word that describes the credential instead
 * (`_FILE`, `_PATH`, `_URL`, `_ID`, `_NAME`, `_TTL`…) does not, nor does a
 * name with a word saying the value is public (PUBLIC, PUBLISHABLE), a
 * quantity (MAX, MIN, NUM, LIMIT, COUNT: `MAX_TOTAL_TOKENS`) or a switch
 * (ALLOW, ENABLE, SKIP, RANDOM, EMPTY…: `MYSQL_ALLOW_EMPTY_PASSWORD`). A value
 * is not a literal credential when it is empty, holds a placeholder (`${VAR}`,
 * `$(VAR)`, `{{ … }}`, `<your-token>`, a capitalised marker such as
 * `INSERT_TOKEN`), is a file path, a URL without a password, or a word such as
 * `true` or `none`. An access key next to a secret key in the same container
 * (`MINIO_ACCESS_KEY` beside `MINIO_SECRET_KEY`) is the key's ID, not a
 * credential. Weak defaults such as `changeme` are reported: they are
 * deployed as written. The value never appears in the message.
 */
const rule: Rule<Params, MessageId> = {
  meta: {
    id: 'no-plaintext-env-secrets',
    title: 'Credentials are not written into manifests',
    description:
      'Take passwords, tokens and keys from a Secret (`valueFrom.secretKeyRef`) instead of writing them as literal environment values.',
    rationale: [
      'A credential written as an `env` value is stored in plain text everywhere the manifest goes: the Git history',
      'of every clone and fork, CI logs, rendered Helm releases, and the workload object itself, which anyone allowed',
      'to read Deployments or pods can see, while reading Secrets is usually restricted. It cannot be rotated without',
      'a commit and a redeploy, and once pushed it has to be treated as leaked even after it is removed.',
    ].join(' '),
    remediation: [
      'Store the value in a Secret (created by your secret manager, External Secrets or Sealed Secrets, never committed',
      'in plain text) and reference it with `valueFrom.secretKeyRef`, or better mount it as a file. Rotate any credential',
      'that was committed. Variables whose name only looks like a credential go in `exemptNames`.',
    ].join(' '),
    defaultSeverity: 'error',
    defaultKinds: WORKLOAD_KINDS,
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        exemptNames: {
          type: 'array',
          items: { type: 'string' },
          default: [],
          description:
            'Names of environment variables the rule skips, compared exactly. An entry may start or end with `*`, as in `*_TOKEN_AUDIENCE`.',
        },
        exemptImages: exemptImagesParam(),
      },
    },
    messages: {
      literalSecret:
        '{{type}} "{{container}}" sets {{variable}} to a literal value in the manifest; a credential belongs in a Secret',
    },
  },

  *check(resource, params): Iterable<Violation<MessageId>> {
    for (const ref of judgedContainers(resource, params)) {
      yield* literalSecrets(ref, params.exemptNames);
    }
  },
};

function* literalSecrets(ref: ContainerRef, exemptNames: readonly string[]): Generator<Violation<MessageId>> {
  const env = ref.container.env;
  if (!Array.isArray(env)) return;
  const names = (env as unknown[]).flatMap((entry) => {
    const name = isRecord(entry) ? entry.name : undefined;
    return typeof name === 'string' ? [name] : [];
  });
  const hasSecretKey = names.some((name) => /SECRET_(ACCESS_)?KEY$/.test(wordsOf(name).join('_')));
  for (const [index, entry] of (env as unknown[]).entries()) {
    if (!isRecord(entry)) continue;
    const { name, value } = entry;
    if (typeof name !== 'string' || typeof value !== 'string') continue;
    if (!namesCredential(name) || !isLiteralCredential(value) || isExemptName(name, exemptNames)) continue;
    // Next to a secret key, an access key is the key's ID (`MINIO_ACCESS_KEY` is MinIO's user name).
    if (hasSecretKey && isAccessKeyId(name)) continue;
    yield {
      messageId: 'literalSecret',
      data: { type: ref.type, container: ref.name, variable: name },
      path: [...ref.path, 'env', index, 'value'],
    };
  }
}

/** The words of a variable name, upper-cased: `dbPassword` and `DB_PASSWORD` both give DB, PASSWORD. */
function wordsOf(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toUpperCase()
    .split(/[^A-Z0-9]+/)
    .filter((word) => word !== '');
}

/** True when the variable's name says it holds a credential. */
function namesCredential(name: string): boolean {
  const words = wordsOf(name);
  if (words.some((word) => NOT_A_CREDENTIAL_WORDS.has(word))) return false;
  // `JWT_SECRET_BASE64`: the content of a credential, in some encoding.
  const last = words.length > 1 && CONTENT_WORDS.has(words.at(-1) ?? '') ? words.length - 2 : words.length - 1;
  const word = words[last];
  if (word === undefined) return false;
  if (SECRET_WORDS.has(word)) return true;
  if (!QUALIFIED_SECRET_WORDS.has(word) || last === 0) return false;
  return !NON_SECRET_KEY_QUALIFIERS.has(words[last - 1] ?? '');
}

/** True for `…_ACCESS_KEY` that is not itself a secret access key. */
function isAccessKeyId(name: string): boolean {
  const words = wordsOf(name);
  return words.at(-1) === 'KEY' && words.at(-2) === 'ACCESS' && words.at(-3) !== 'SECRET';
}

/** True when a value written in the manifest could be the credential itself. */
function isLiteralCredential(value: string): boolean {
  const text = value.trim();
  if (text === '' || NON_CREDENTIAL_VALUES.has(text.toLowerCase()) || hasPlaceholder(text)) return false;
  // Template markers of other tools: `<your-token>`, `#{TOKEN}#`, `__TOKEN__`.
  if (/^<[^<>]+>$|^#\{[^}]+\}#?$|^__[A-Za-z0-9_]+__$/.test(text)) return false;
  // A capitalised marker meant to be replaced by hand: `INSERT_DISCOVERY_TOKEN`, `YOUR_API_KEY`, `SECRET`.
  if (/^[A-Z][A-Z0-9_]*$/.test(text) && /INSERT|REPLACE|CHANGE|YOUR|ENTER|FILL|SECRET|PASSWORD|TOKEN|KEY/.test(text)) {
    return false;
  }
  if (/^(\/|\.\.?\/|~\/|file:)/.test(text)) return false;
  // A URL is an address, unless it carries a password (`postgres://user:pass@db`).
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) return /^[^/]*\/\/[^/@]*:[^/@]*@/.test(text);
  return true;
}

export default rule;
