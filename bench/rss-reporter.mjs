// Preloaded with `node --import` when /usr/bin/time is not there: writes the
// process's own peak RSS (in kB, as GNU time's %M) to $BENCH_RSS_FILE at exit.
import { writeFileSync } from 'node:fs';

const file = process.env.BENCH_RSS_FILE;
if (file) process.on('exit', () => writeFileSync(file, `${process.resourceUsage().maxRSS}\n`));
