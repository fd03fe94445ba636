/** A named starting set of rules. Each entry becomes a constraint named after its rule. */
export interface PresetEntry {
  rule: string;
  enforcementAction?: 'deny' | 'warn' | 'dryrun';
  parameters?: Record<string, unknown>;
}

/**
 * `recommended`: rules that need no team-specific parameters. `allowed-repos`
 * is left out because only the team knows its registries.
 */
const recommended: readonly PresetEntry[] = [
  { rule: 'container-limits' },
  { rule: 'https-only-ingress' },
  { rule: 'no-latest-tag' },
  { rule: 'unique-ingress-host' },
];

export const PRESETS: Readonly<Record<string, readonly PresetEntry[]>> = { recommended, none: [] };

export type PresetName = keyof typeof PRESETS;

/** The presets that run a rule, with the action when it is not `deny`: `recommended (warn)`. */
export function presetsOf(id: string): string[] {
  return Object.entries(PRESETS).flatMap(([name, entries]) => {
    const entry = entries.find((candidate) => candidate.rule === id);
    if (!entry) return [];
    return [
      entry.enforcementAction && entry.enforcementAction !== 'deny' ? `${name} (${entry.enforcementAction})` : name,
    ];
  });
}
