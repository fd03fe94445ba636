/**
 * Renders many one-line probes with the real Helm in one go: a chart in a
 * temporary folder with one template per probe and the probes' values in its
 * values.yaml, so that values reach the templates exactly as Helm decodes
 * them. Each template prints its expression base64-encoded, which keeps any
 * text (multi-line YAML, quotes) from upsetting Helm's own parsing of the
 * output. A probe that fails the render is taken out, its error kept, and the
 * rest rendered again.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { tempDir } from './cli.js';
import type { ProbeResult } from './helm-probe.js';

export interface HelmProbe {
  /** YAML text of the probe's value (a flow or block node); `.Values.v` in the expression refers to it. */
  value?: string;
  /** A template expression, such as `toYaml .Values.v`. */
  expression: string;
}

export type { ProbeResult };

/** The values.yaml of the probes: `c<i>:` followed by each probe's value. */
export function probeValuesYaml(probes: readonly HelmProbe[]): string {
  return probes
    .map((probe, index) => {
      if (probe.value === undefined) return '';
      const value = probe.value.includes('\n') ? `\n${probe.value.replace(/^/gm, '  ')}` : ` ${probe.value}`;
      return `c${index}:${value}\n`;
    })
    .join('');
}

const templateName = (index: number) => `c${String(index).padStart(4, '0')}.yaml`;

/** Renders every probe with `helm template` and returns the results in order. */
export function renderHelmProbes(helm: string, probes: readonly HelmProbe[]): ProbeResult[] {
  const chart = tempDir('k8s-bp-helm-probe-');
  try {
    mkdirSync(path.join(chart, 'templates'));
    writeFileSync(path.join(chart, 'Chart.yaml'), 'apiVersion: v2\nname: probe\nversion: 0.1.0\n');
    writeFileSync(path.join(chart, 'values.yaml'), probeValuesYaml(probes));
    probes.forEach((probe, index) => {
      const expression = probe.expression.replaceAll('.Values.v', `.Values.c${index}`);
      writeFileSync(path.join(chart, 'templates', templateName(index)), `v: {{ ${expression} | toString | b64enc }}\n`);
    });
    return renderUntilClean(helm, chart, probes.length);
  } finally {
    rmSync(chart, { recursive: true, force: true });
  }
}

function renderUntilClean(helm: string, chart: string, count: number): ProbeResult[] {
  const results: ProbeResult[] = [];
  for (;;) {
    const run = spawnSync(helm, ['template', 'p', chart], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    if (run.status === 0) return collect(run.stdout, count, results);
    const failed = /probe\/templates\/c(\d+)\.yaml:\d+:\d+: executing .*?error calling \w+: (.*)$/m.exec(run.stderr);
    if (!failed) throw new Error(`helm template failed:\n${run.stderr}`);
    const index = Number(failed[1]);
    results[index] = { error: failed[2] ?? '' };
    rmSync(path.join(chart, 'templates', templateName(index)));
  }
}

function collect(stdout: string, count: number, results: ProbeResult[]): ProbeResult[] {
  for (const match of stdout.matchAll(/# Source: probe\/templates\/c(\d+)\.yaml\nv: ?(\S*)/g)) {
    results[Number(match[1])] = { output: Buffer.from(match[2] ?? '', 'base64').toString('utf8') };
  }
  for (let index = 0; index < count; index++) {
    if (results[index] === undefined) throw new Error(`no output for probe ${index}`);
  }
  return results;
}
