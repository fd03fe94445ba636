import rule from '../../rules/replicas-spread.js';
import { ruleTester } from './rule-tester.js';

const deployment = (replicas: string, podSpec = '') =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  replicas: ${replicas}\n  template:\n    spec:\n${podSpec}      containers: [{name: c, image: app:1}]\n`;

ruleTester(rule, {
  extraCases: [
    {
      name: 'skips a replica count the API server would refuse rather than guess',
      yaml: `${deployment('"3"')}---\n${deployment('2.5')}---\n${deployment('-2')}`,
      expect: [],
    },
    {
      name: 'treats a null replica count as the default of one',
      yaml: deployment('null'),
      expect: [],
    },
    {
      name: 'accepts a topology spread constraint alone',
      yaml: deployment('5', '      topologySpreadConstraints: [{maxSkew: 1, topologyKey: kubernetes.io/hostname}]\n'),
      expect: [],
    },
    {
      name: 'reports anti-affinity that is not a mapping at the field',
      yaml: deployment('2', '      affinity: {podAntiAffinity: [x]}\n'),
      expect: [{ messageId: 'notSpread', line: 8, column: 18 }],
    },
    {
      name: 'ignores Deployments of another API group',
      yaml: deployment('3').replace('apps/v1', 'example.com/v1'),
      expect: [],
    },
  ],
});
