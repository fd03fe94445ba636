import rule from '../../rules/dedicated-service-account.js';
import { ruleTester } from './rule-tester.js';

const pod = (spec: string) =>
  `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n${spec}  containers:\n    - name: c\n      image: app:1.0\n`;

ruleTester(rule, {
  extraCases: [
    {
      name: 'falls back to the deprecated field when serviceAccountName is empty',
      yaml: pod("  serviceAccountName: ''\n  serviceAccount: builder\n"),
      expect: [],
    },
    {
      name: 'skips an account name that is not a string, which the API server rejects',
      yaml: pod('  serviceAccountName: [a]\n'),
      expect: [],
    },
    {
      name: 'treats automountServiceAccountToken written as a string as not turning the token off',
      yaml: pod("  automountServiceAccountToken: 'false'\n"),
      expect: [{ messageId: 'unset', line: 4, column: 1 }],
    },
    {
      name: 'reports a pod with an explicit default account even when it has no token, once the exemption is off',
      yaml: pod('  serviceAccountName: default\n  automountServiceAccountToken: false\n'),
      parameters: { allowDefaultWithoutToken: false },
      expect: [{ messageId: 'explicitDefault', line: 5, column: 3 }],
    },
    {
      name: 'accepts an explicit default account for a pod without a token',
      yaml: pod('  serviceAccountName: default\n  automountServiceAccountToken: false\n'),
      expect: [],
    },
  ],
});
