/** The name syntaxes the API server checks a CRD's group, names and versions against (apimachinery's). */

const LABEL = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const DNS1123_SUBDOMAIN = new RegExp(`^${LABEL}(\\.${LABEL})*$`);
const DNS1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;

/** What is wrong with `text` as a DNS-1035 label (a version, a resource name), or undefined when nothing is. */
export function dns1035LabelProblem(text: string): string | undefined {
  if (text.length > 63) return 'must be no more than 63 characters';
  if (!DNS1035_LABEL.test(text)) {
    return 'must be a DNS-1035 label: lowercase letters, digits and "-", starting with a letter and ending with a letter or digit';
  }
  return undefined;
}

/** What is wrong with `text` as a DNS-1123 subdomain (a group, an object name), or undefined when nothing is. */
export function dns1123SubdomainProblem(text: string): string | undefined {
  if (text.length > 253) return 'must be no more than 253 characters';
  if (!DNS1123_SUBDOMAIN.test(text)) {
    return 'must be a DNS-1123 subdomain: lowercase letters, digits, "-" and ".", starting and ending with a letter or digit';
  }
  return undefined;
}
