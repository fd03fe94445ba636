/** Manifests shared by the schema rules' tests: a CRD of our own with a schema, list types and a CEL rule. */
export const BACKUP_CRD = `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: backups.example.com
spec:
  group: example.com
  scope: Namespaced
  names: {plural: backups, singular: backup, kind: Backup, listKind: BackupList}
  versions:
    - name: v1
      served: true
      storage: true
      schema:
        openAPIV3Schema:
          type: object
          properties:
            spec:
              type: object
              required: [schedule]
              x-kubernetes-validations:
                - rule: "!has(self.keep) || self.keep >= 1"
                  messageExpression: "'keep must be at least 1, not ' + string(self.keep)"
                  fieldPath: .keep
              properties:
                schedule: {type: string, pattern: '^(?i)(@daily|@hourly)$'}
                keep: {type: integer, minimum: 0}
                mode: {type: string, enum: [full, incremental]}
                targets:
                  type: array
                  x-kubernetes-list-type: set
                  items: {type: string}
                options:
                  type: object
                  x-kubernetes-preserve-unknown-fields: true
    - name: v1beta1
      served: false
      storage: false
      schema:
        openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}
`;

/** The CRD above, then a custom resource of it: the resource starts on line 41. */
export function withBackupCrd(resource: string): string {
  return `${BACKUP_CRD}---\n${resource}`;
}

/** A Pod with one container; `container` is indented under its `- name: web` line. */
export function pod(container: string, spec = ''): string {
  const indented = container
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => `      ${line}`)
    .join('\n');
  return `apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n${spec}  containers:\n    - name: web\n${indented}\n`;
}
