/**
 * Template syntax (`{{ … }}`, as Helm and other Go-template tools write it)
 * in a stretch of YAML that failed to load. A file is never set aside for
 * holding `{{`: alerting rules and dashboards keep Go templates inside their
 * strings, and commented-out template lines are common. Only when a document
 * does not load, and `{{` stands outside its comments, is the failure put down
 * to the template.
 */

/** The offset of the first `{{` in `text` between `start` and `end` that is not inside a comment, or -1. */
export function templateMarkerOffset(text: string, start = 0, end = text.length): number {
  for (let lineStart = start; lineStart < end;) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 || newline > end ? end : newline;
    const marker = text.indexOf('{{', lineStart);
    if (marker !== -1 && marker < lineEnd && !insideComment(text.slice(lineStart, marker))) return marker;
    lineStart = lineEnd + 1;
  }
  return -1;
}

/** Whether a line's text before some point is already inside a comment: a `#` at its start or after a space. */
function insideComment(before: string): boolean {
  return /(?:^|\s)#/.test(before);
}
