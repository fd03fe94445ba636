/** Thrown when a rule's message template names a value the violation did not give. */
export class MessageDataError extends Error {
  constructor(
    readonly template: string,
    readonly placeholder: string,
  ) {
    super(`message template "${template}" needs a value for {{${placeholder}}}`);
    this.name = 'MessageDataError';
  }
}

const PLACEHOLDER = /\{\{\s*(\w+)\s*\}\}/g;

/** Fills `{{name}}` placeholders; a missing value is a bug in the rule, so it throws. */
export function formatMessage(template: string, data: Readonly<Record<string, string | number>> = {}): string {
  return template.replace(PLACEHOLDER, (_, key: string) => {
    const value = data[key];
    if (value === undefined) throw new MessageDataError(template, key);
    return String(value);
  });
}
