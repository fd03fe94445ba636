/**
 * The executor's output: text written in pieces, each remembering the template
 * node that produced it, so that an offset in the rendered text maps back to a
 * template line and column.
 */
import type { OutputSegment, RenderResult } from './functions.js';
import type { SourcePosition } from './source-text.js';

const NO_VALUE = '<no value>';

export class OutputBuilder {
  private readonly parts: string[] = [];
  private readonly segments: OutputSegment[] = [];
  private length = 0;

  write(text: string, kind: OutputSegment['kind'], source: SourcePosition, callStack: readonly SourcePosition[]): void {
    if (text === '') return;
    this.parts.push(text);
    this.segments.push({ start: this.length, end: this.length + text.length, kind, source, callStack });
    this.length += text.length;
  }

  /** The text and segments; with `removeNoValue`, every `<no value>` is cut out, as Helm does after rendering. */
  finish(removeNoValue: boolean): RenderResult {
    const text = this.parts.join('');
    if (!removeNoValue || !text.includes(NO_VALUE)) return { text, segments: this.segments };
    return removeText(text, this.segments, NO_VALUE);
  }
}

/** Cuts every occurrence of `needle` and moves the segments to match; segments left empty are dropped. */
function removeText(text: string, segments: readonly OutputSegment[], needle: string): RenderResult {
  const cuts: number[] = [];
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length)) cuts.push(at);
  const moved = (offset: number): number => {
    let removed = 0;
    for (const cut of cuts) {
      if (cut >= offset) break;
      removed += Math.min(needle.length, offset - cut);
    }
    return offset - removed;
  };
  const kept = segments
    .map((segment) => ({ ...segment, start: moved(segment.start), end: moved(segment.end) }))
    .filter((segment) => segment.end > segment.start);
  return { text: text.split(needle).join(''), segments: kept };
}
