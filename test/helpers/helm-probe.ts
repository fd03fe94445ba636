/**
 * Renders many small template probes through the real `helm template` at
 * once: one template file per probe in a temporary chart, each printing one
 * line `<name>: "<base64 of its result>"`. A probe that fails
 * fails the whole render, so failing probes are taken out one by one (Helm
 * names the template) and their error text is kept; probes expected to fail
 * are better rendered each on its own, in parallel.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { tempDir } from './cli.js';

export interface Probe {
  /** A name usable as a YAML key and a file name. */
  name: string;
  /** The template file's text: it prints one YAML line `<name>: "<base64 of the result>"`. */
  body: string;
}

/** What Helm printed for a probe, or the error that stopped it. */
export type ProbeResult = { output: string } | { error: string };

function run(helm: string, chart: string): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(helm, ['template', 'probe', chart], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

function writeChart(directory: string, probes: Probe[], values: string): void {
  rmSync(directory, { recursive: true, force: true });
  mkdirSync(path.join(directory, 'templates'), { recursive: true });
  writeFileSync(path.join(directory, 'Chart.yaml'), 'apiVersion: v2\nname: probe\nversion: 0.1.0\n');
  writeFileSync(path.join(directory, 'values.yaml'), values);
  for (const probe of probes) {
    writeFileSync(path.join(directory, 'templates', `${probe.name}.yaml`), probe.body);
  }
}

function readOutputs(stdout: string): Map<string, string> {
  const outputs = new Map<string, string>();
  for (const document of parseAllDocuments(stdout)) {
    const json: unknown = document.toJSON();
    if (json === null || typeof json !== 'object') continue;
    for (const [name, encoded] of Object.entries(json as Record<string, string>)) {
      outputs.set(name, Buffer.from(encoded, 'base64').toString('utf8'));
    }
  }
  return outputs;
}

/** Renders the probes in one chart, again without each probe Helm reports as failing. */
export async function renderProbes(helm: string, probes: Probe[], values: string): Promise<Map<string, ProbeResult>> {
  const results = new Map<string, ProbeResult>();
  const directory = tempDir('helm-probe-');
  let remaining = [...probes];
  while (remaining.length > 0) {
    writeChart(directory, remaining, values);
    const { status, stdout, stderr } = await run(helm, directory);
    if (status === 0) {
      for (const [name, output] of readOutputs(stdout)) results.set(name, { output });
      break;
    }
    const failing = remaining.find((probe) => stderr.includes(`templates/${probe.name}.yaml`));
    if (failing === undefined) throw new Error(`helm failed outside the probes:\n${stderr}`);
    results.set(failing.name, { error: stderr });
    remaining = remaining.filter((probe) => probe !== failing);
  }
  rmSync(directory, { recursive: true, force: true });
  return results;
}

/** Renders each probe in a chart of its own (for probes expected to fail), a few Helm runs at a time. */
export async function renderEachProbe(
  helm: string,
  probes: Probe[],
  values: string,
  concurrency = 4,
): Promise<Map<string, ProbeResult>> {
  const results = new Map<string, ProbeResult>();
  const queue = [...probes];
  const worker = async () => {
    for (let probe = queue.shift(); probe !== undefined; probe = queue.shift()) {
      for (const [name, result] of await renderProbes(helm, [probe], values)) results.set(name, result);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return results;
}
