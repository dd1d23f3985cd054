// Preloaded into measured child processes: prints the peak RSS when the process exits.
process.on('exit', () => {
  process.stderr.write(`\nWARDEN_BENCH_MAXRSS_KB=${process.resourceUsage().maxRSS}\n`);
});
