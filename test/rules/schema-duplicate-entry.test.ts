import rule from '../../rules/schema-duplicate-entry.js';
import { ruleTester } from './rule-tester.js';
import { pod } from './schema-cases.js';

ruleTester(rule, {
  extraCases: [
    {
      name: 'warns of a container port given twice with the same protocol, at the second',
      yaml: pod('image: registry.example.com/web:1.4.2\nports:\n  - containerPort: 80\n  - containerPort: 80'),
      expect: [
        {
          messageId: 'problem',
          line: 11,
          column: 11,
          message: 'Pod "web": duplicate entry with containerPort 80 and protocol "TCP" in "ports"',
        },
      ],
    },
    {
      name: 'tells ports apart by protocol',
      yaml: pod(
        'image: registry.example.com/web:1.4.2\nports:\n  - containerPort: 53\n  - containerPort: 53\n    protocol: UDP',
      ),
      expect: [],
    },
    {
      name: 'leaves duplicates that the API server refuses to schema-value',
      yaml: pod(
        'image: registry.example.com/web:1.4.2',
        '  volumes:\n    - {name: data, emptyDir: {}}\n    - {name: data, emptyDir: {}}\n',
      ),
      expect: [],
    },
  ],
});
