/** The SARIF report's links: the tool's home and the rule docs of this version. */
export function sarifLinks(version: string): { toolVersion: string; informationUri: string; docsBaseUri: string } {
  return {
    toolVersion: version,
    informationUri: 'https://www.npmjs.com/package/k8s-bp',
    docsBaseUri: `https://unpkg.com/k8s-bp@${version}/docs/rules/`,
  };
}
