/** The name syntaxes the API server checks a CRD's group, names and versions against (apimachinery's). */
/** What is wrong with `text` as a DNS-1035 label (a version, a resource name), or undefined when nothing is. */
export declare function dns1035LabelProblem(text: string): string | undefined;
/** What is wrong with `text` as a DNS-1123 subdomain (a group, an object name), or undefined when nothing is. */
export declare function dns1123SubdomainProblem(text: string): string | undefined;
