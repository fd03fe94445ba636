import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { setAside } from '../../../src/load/set-aside.js';
import { tempDir } from '../../helpers/cli.js';

/** A kubebuilder-like tree: entries of a kustomization switched off by commenting them out. */
function scaffold(): string {
  const root = tempDir();
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  };
  write('config/rbac/kustomization.yaml', 'resources:\n- role.yaml\n# - auth_proxy_role_binding.yaml\n');
  write('config/rbac/role.yaml', 'kind: ClusterRole\n');
  write('config/rbac/auth_proxy_role_binding.yaml', 'kind: ClusterRoleBinding\n');
  write(
    'config/crd/kustomization.yaml',
    'resources: []\n#- patches/webhook_in_backups.yaml\n# a note about other.yaml\n',
  );
  write('config/crd/patches/webhook_in_backups.yaml', 'kind: CustomResourceDefinition\n');
  write('config/crd/patches/other.yaml', 'kind: CustomResourceDefinition\n');
  return root;
}

describe('setAside for entries a kustomization switched off', () => {
  it('sets aside a file named only in a commented-out entry, in its folder or one above, and says which', () => {
    const files = [
      'config/rbac/role.yaml',
      'config/rbac/auth_proxy_role_binding.yaml',
      'config/crd/patches/webhook_in_backups.yaml',
      'config/crd/patches/other.yaml',
    ];
    const { files: kept, setAside: aside } = setAside(files, scaffold());
    expect(kept).toEqual(['config/rbac/role.yaml', 'config/crd/patches/other.yaml']);
    expect(aside.notes).toEqual([
      'config/rbac/auth_proxy_role_binding.yaml: named only in a commented-out entry of config/rbac/kustomization.yaml, not linted',
      'config/crd/patches/webhook_in_backups.yaml: named only in a commented-out entry of config/crd/kustomization.yaml, not linted',
    ]);
  });
});
