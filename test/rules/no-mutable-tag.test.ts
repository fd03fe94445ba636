import rule from '../../rules/no-mutable-tag.js';
import { ruleTester } from './rule-tester.js';

const pod = (image: string) =>
  `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: c\n      image: '${image}'\n`;

ruleTester(rule, {
  extraCases: [
    {
      name: 'reports a listed tag whatever its case',
      yaml: pod('app:Nightly'),
      expect: [{ messageId: 'mutableTag', line: 7, column: 7 }],
    },
    {
      name: 'reports a channel followed by a variant without digits',
      yaml: pod('app:main_debug'),
      expect: [
        {
          messageId: 'mutableTag',
          line: 7,
          column: 7,
          message:
            'container "c" uses image "app:main_debug" with the tag "main_debug", which moves to every new build of "main"',
        },
      ],
    },
    {
      name: 'does not take a tag that only starts with a channel name for that channel',
      yaml: pod('app:mainframe'),
      expect: [],
    },
    {
      name: 'leaves latest itself to no-latest-tag even when the list names it',
      yaml: pod('app:latest'),
      parameters: { mutableTags: ['latest', 'main'] },
      expect: [],
    },
    {
      name: 'does not judge a tag with a Helm placeholder',
      yaml: pod('app:{{ .Values.tag }}'),
      expect: [],
    },
    {
      name: 'reports nothing when the list is empty',
      yaml: pod('app:main'),
      parameters: { mutableTags: [] },
      expect: [],
    },
  ],
});
