import { describe, expect, it } from 'vitest';
import { containersOf } from '../../../src/kit/pod-spec.js';
import {
  capabilityEntries,
  effectiveSecurityContext,
  isWindowsPod,
  normalizeCapability,
  privilegeEscalation,
  usesUserNamespace,
} from '../../../src/kit/security-context.js';
import type { Resource } from '../../../src/model/types.js';
import { parseManifests } from '../../../src/load/parse.js';

/** The containers of the first resource in `text`. */
function containers(text: string) {
  const resources: Resource[] = [];
  for (const event of parseManifests(text, 'in.yaml')) if (event.type === 'resource') resources.push(event.resource);
  const first = resources[0];
  if (!first) throw new Error('no resource');
  return containersOf(first);
}

const pod = (podContext: string, ...containerContexts: string[]) =>
  [
    'apiVersion: v1',
    'kind: Pod',
    'metadata: {name: p}',
    'spec:',
    `  securityContext: ${podContext}`,
    '  containers:',
    ...containerContexts.map((context, index) => `    - {name: c${index}, image: app:1, securityContext: ${context}}`),
    '',
  ].join('\n');

describe('the effective security context', () => {
  it('takes a field the container sets over the pod’s, with the container’s path', () => {
    const [ref] = containers(pod('{runAsUser: 0, runAsNonRoot: true}', '{runAsUser: 1000}'));
    const context = effectiveSecurityContext(ref!);
    expect(context.runAsUser).toEqual({
      value: 1000,
      source: 'container',
      path: ['spec', 'containers', 0, 'securityContext', 'runAsUser'],
    });
    expect(context.runAsNonRoot).toEqual({
      value: true,
      source: 'pod',
      path: ['spec', 'securityContext', 'runAsNonRoot'],
    });
  });

  it('points at the container’s own field when neither level sets it', () => {
    const [ref] = containers(pod('{}', '{}'));
    expect(effectiveSecurityContext(ref!).runAsGroup).toEqual({
      value: undefined,
      source: 'unset',
      path: ['spec', 'containers', 0, 'securityContext', 'runAsGroup'],
    });
  });

  it('lets a null or wrongly typed container field leave the pod’s value in force', () => {
    const [nulled, typed] = containers(pod('{runAsUser: 1000}', '{runAsUser: null}', "{runAsUser: '0'}"));
    expect(effectiveSecurityContext(nulled!).runAsUser.value).toBe(1000);
    expect(effectiveSecurityContext(typed!).runAsUser).toMatchObject({ value: 1000, source: 'pod' });
  });

  it('replaces seLinuxOptions as a whole, not field by field', () => {
    const [ref] = containers(
      pod('{seLinuxOptions: {level: "s0:c1", type: spc_t}}', '{seLinuxOptions: {level: "s0:c2"}}'),
    );
    expect(effectiveSecurityContext(ref!).seLinuxOptions.value).toEqual({ level: 's0:c2' });
  });

  it('combines windowsOptions field by field, taking both GMSA fields from the container when it sets one', () => {
    const [ref] = containers(
      pod(
        '{windowsOptions: {runAsUserName: ContainerUser, gmsaCredentialSpecName: pod-spec, gmsaCredentialSpec: "{}"}}',
        '{windowsOptions: {hostProcess: false, gmsaCredentialSpecName: own-spec}}',
      ),
    );
    const windows = effectiveSecurityContext(ref!).windowsOptions;
    expect(windows.runAsUserName).toMatchObject({ value: 'ContainerUser', source: 'pod' });
    expect(windows.hostProcess).toMatchObject({ value: false, source: 'container' });
    expect(windows.gmsaCredentialSpecName).toMatchObject({ value: 'own-spec', source: 'container' });
    expect(windows.gmsaCredentialSpec).toMatchObject({ value: undefined, source: 'unset' });
  });

  it('never takes container-only fields from the pod', () => {
    const [ref] = containers(
      pod('{privileged: true, readOnlyRootFilesystem: true, capabilities: {drop: [ALL]}}', '{}'),
    );
    const context = effectiveSecurityContext(ref!);
    expect(context.privileged.source).toBe('unset');
    expect(context.readOnlyRootFilesystem.source).toBe('unset');
    expect(context.capabilities.source).toBe('unset');
  });

  it('does not throw when securityContext is not a mapping at either level', () => {
    const [ref] = containers(pod('[]', '7'));
    expect(effectiveSecurityContext(ref!).runAsNonRoot.source).toBe('unset');
  });
});

describe('capabilities', () => {
  it('lists string entries with their index in the manifest and skips others', () => {
    const [ref] = containers(pod('{}', '{capabilities: {add: [1, NET_ADMIN, null, chown]}}'));
    expect(capabilityEntries(effectiveSecurityContext(ref!), 'add')).toEqual([
      { name: 'NET_ADMIN', path: ['spec', 'containers', 0, 'securityContext', 'capabilities', 'add', 1] },
      { name: 'chown', path: ['spec', 'containers', 0, 'securityContext', 'capabilities', 'add', 3] },
    ]);
  });

  it('upper-cases names as the runtimes do', () => {
    expect(normalizeCapability('net_bind_service')).toBe('NET_BIND_SERVICE');
  });
});

describe('privilege escalation', () => {
  const escalation = (context: string) =>
    privilegeEscalation(effectiveSecurityContext(containers(pod('{}', context))[0]!));

  it.each([
    ['{}', true, 'default'],
    ['{allowPrivilegeEscalation: true}', true, 'explicit'],
    ['{allowPrivilegeEscalation: false}', false, 'explicit'],
    ['{allowPrivilegeEscalation: false, privileged: true}', true, 'privileged'],
    ['{allowPrivilegeEscalation: false, capabilities: {add: [sys_admin]}}', true, 'sysAdmin'],
    ['{allowPrivilegeEscalation: false, capabilities: {add: [CAP_SYS_ADMIN]}}', true, 'sysAdmin'],
    ['{allowPrivilegeEscalation: false, capabilities: {add: [ALL]}}', true, 'sysAdmin'],
    ['{allowPrivilegeEscalation: false, capabilities: {add: [NET_ADMIN]}}', false, 'explicit'],
  ])('%s → allowed %s because %s', (context, allowed, reason) => {
    expect(escalation(context)).toMatchObject({ allowed, reason });
  });

  it('names the capability that keeps escalation possible', () => {
    expect(escalation('{capabilities: {add: [NET_ADMIN, SYS_ADMIN]}}')).toMatchObject({
      capability: 'SYS_ADMIN',
      path: ['spec', 'containers', 0, 'securityContext', 'capabilities', 'add', 1],
    });
  });
});

describe('pod-wide settings', () => {
  it('recognises Windows pods and pods in their own user namespace', () => {
    const [windows] = containers(
      'apiVersion: v1\nkind: Pod\nmetadata: {name: w}\nspec: {os: {name: windows}, containers: [{name: c}]}\n',
    );
    const [userns] = containers(
      'apiVersion: v1\nkind: Pod\nmetadata: {name: u}\nspec: {hostUsers: false, containers: [{name: c}]}\n',
    );
    expect(isWindowsPod(windows!.podSpec)).toBe(true);
    expect(usesUserNamespace(windows!.podSpec)).toBe(false);
    expect(isWindowsPod(userns!.podSpec)).toBe(false);
    expect(usesUserNamespace(userns!.podSpec)).toBe(true);
  });
});
