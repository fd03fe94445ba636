import rule from '../../rules/no-plaintext-env-secrets.js';
import { ruleTester } from './rule-tester.js';

const pod = (name: string, value: string) =>
  `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: c\n      image: app:1.0.0\n      env:\n        - name: ${name}\n          value: '${value}'\n`;

const reported = (name: string, value: string) => ({
  name: `reports ${name} set to a literal`,
  yaml: pod(name, value),
  expect: [{ messageId: 'literalSecret', line: 10, column: 11 }],
});

const ignored = (name: string, value: string, why: string) => ({
  name: `does not report ${name}: ${why}`,
  yaml: pod(name, value),
  expect: [],
});

ruleTester(rule, {
  extraCases: [
    reported('REDIS_PASSWD', 'r3dis'),
    reported('SMTP_PWD', 'mail-pass'),
    reported('SECRET_KEY_BASE', 'a1b2c3d4e5f6'),
    reported('oauth.client-secret', 'abcdef123456'),
    reported('AWS_SECRET_ACCESS_KEY', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'),
    reported('REGISTRY_CREDS', 'robot:0123456789'),
    reported('DB_PASSWORD', 'postgres://app:s3cret@db:5432/app'),
    ignored('DB_PASSWORD', 'postgres://db:5432/app', 'a URL without a password is an address'),
    ignored('VAULT_TOKEN', '{{ .Values.vault.token }}', 'a template placeholder'),
    ignored('SIGNING_KEY', './keys/signing.pem', 'a relative file path'),
    ignored('STRIPE_PUBLISHABLE_KEY', 'pk_live_0123456789', 'a publishable key is meant to be seen'),
    ignored('API_KEY_HEADER', 'X-Api-Key', 'the last word describes the key'),
    ignored('KEY', 'value', 'KEY alone names nothing in particular'),
    ignored('PASS', 'x', 'PASS alone is not a password'),
    {
      name: 'reports an access key that has no secret key beside it, never showing the value',
      yaml: pod('ACCESS_KEY', '8312341g-5678-abcd'),
      expect: [
        {
          messageId: 'literalSecret',
          line: 10,
          column: 11,
          message: 'container "c" sets ACCESS_KEY to a literal value in the manifest; a credential belongs in a Secret',
        },
      ],
    },
    {
      name: 'skips env entries that are not name and string value pairs',
      yaml: 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: c\n      env: [null, {name: DB_PASSWORD}, {name: 7, value: x}, {name: DB_PASSWORD, value: 12345}]\n',
      expect: [],
    },
  ],
});
