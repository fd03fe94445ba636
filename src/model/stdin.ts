/** The file name that findings, baselines and reports give to standard input. */
export const STDIN_NAME = '<stdin>';
