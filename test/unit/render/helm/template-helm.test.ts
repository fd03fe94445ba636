/**
 * Differential test: probe templates rendered by the real Helm 4.1.4 and by
 * our executor must give the same bytes, and failing probes the same error.
 * Rendering probes share one chart (each is a define, included and base64
 * encoded, so Helm passes its exact output through); each failing probe is a
 * chart of its own, since Helm stops at the first error.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GoValue } from '../../../../src/render/helm/go-values.js';
import { TemplateParseError, TemplateSet } from '../../../../src/render/helm/template/index.js';
import { tempDir } from '../../../helpers/cli.js';
import { referenceBinaries } from '../../../helpers/reference-binaries.js';
import { FAILURE_PROBES, RENDER_PROBES, VALUES_FILE, type FailureProbe } from './template-probes.js';

const binaries = referenceBinaries();
if (typeof binaries === 'string') console.log(`skipped the differential template tests: ${binaries}`);
const helm = typeof binaries === 'string' ? '' : binaries.helm;

const CHART_YAML = 'apiVersion: v2\nname: probe\nversion: 0.1.0\n';
const VALUES = JSON.parse(VALUES_FILE) as GoValue;
const caseName = (index: number) => `c${String(index).padStart(3, '0')}`;

function writeChart(dir: string, templates: Record<string, string>): string {
  const chart = path.join(dir, 'probe');
  mkdirSync(path.join(chart, 'templates'), { recursive: true });
  writeFileSync(path.join(chart, 'Chart.yaml'), CHART_YAML);
  writeFileSync(path.join(chart, 'values.yaml'), VALUES_FILE);
  for (const [name, text] of Object.entries(templates)) writeFileSync(path.join(chart, 'templates', name), text);
  return chart;
}

function helmTemplate(chart: string): { status: number | null; stdout: string; stderr: string } {
  return spawnSync(helm, ['template', chart], { encoding: 'utf8', timeout: 60_000 });
}

/** Helm 4 spreads some execution errors over lines; put them back in Go's one-line form. */
function helmError(stderr: string): string {
  const text = stderr.replace(/^Error: /, '').replace(/\n\nUse --debug flag to render out invalid YAML\n?$/, '');
  const spread = /^(\S+:\d+:\d+)\n {2}executing (".*?") at <([\s\S]*)>:\n {4}([\s\S]*)$/.exec(text);
  return spread === null
    ? text.trim()
    : `template: ${spread[1]}: executing ${spread[2]} at <${spread[3]}>: ${spread[4]}`;
}

/** Our error as Helm prints it: parse errors through Helm's shortening, execution errors as Go's text. */
function ourError(probe: FailureProbe): string {
  const file = 'probe/templates/x.yaml';
  try {
    const set = new TemplateSet();
    set.parse(file, probe.template);
    return `rendered: ${set.render(file, { Values: VALUES }).text}`;
  } catch (error) {
    if (error instanceof TemplateParseError) {
      const parts = error.goMessage.split(': ');
      return `parse error at (${parts[1]}): ${parts.at(-1)}`;
    }
    return (error as Error).message;
  }
}

const scoreboard = { renders: 0, failures: 0 };

describe.skipIf(typeof binaries === 'string')('templates rendered like Helm 4.1.4', () => {
  const helmOutputs = new Map<string, string>();
  let dir = '';

  beforeAll(() => {
    dir = tempDir();
    const templates: Record<string, string> = {};
    RENDER_PROBES.forEach((probe, i) => {
      const name = caseName(i);
      templates[`${name}.yaml`] =
        `{{- define "probe.${name}" }}${probe.body}{{ end -}}\n${probe.defines ?? ''}\n` +
        `v: {{ include "probe.${name}" . | b64enc | quote }}\n`;
    });
    const run = helmTemplate(writeChart(dir, templates));
    expect(run.stderr).toBe('');
    for (const match of run.stdout.matchAll(/# Source: probe\/templates\/(c\d+)\.yaml\n(?:.*\n)*?v: "(.*)"/g)) {
      helmOutputs.set(match[1]!, Buffer.from(match[2]!, 'base64').toString('utf8'));
    }
  });

  afterAll(() => {
    console.log(
      `differential probes matching Helm 4.1.4: ${scoreboard.renders} of ${RENDER_PROBES.length} renders, ` +
        `${scoreboard.failures} of ${FAILURE_PROBES.length} failures`,
    );
  });

  it.each(RENDER_PROBES.map((probe, i) => [probe.name, i] as const))('renders: %s', (_, i) => {
    const name = caseName(i);
    const probe = RENDER_PROBES[i]!;
    const set = new TemplateSet();
    set.parse(
      `probe/templates/${name}.yaml`,
      `{{- define "probe.${name}" }}${probe.body}{{ end -}}\n${probe.defines ?? ''}`,
    );
    const ours = set.render(`probe.${name}`, { Values: VALUES }).text;
    expect(ours).toBe(helmOutputs.get(name));
    scoreboard.renders++;
  });

  it.each(FAILURE_PROBES.map((probe) => [probe.name, probe] as const))('fails: %s', (_, probe) => {
    const chart = writeChart(path.join(dir, `fail-${FAILURE_PROBES.indexOf(probe)}`), { 'x.yaml': probe.template });
    const run = helmTemplate(chart);
    expect(run.status).not.toBe(0);
    expect(ourError(probe)).toBe(helmError(run.stderr));
    scoreboard.failures++;
  });
});
