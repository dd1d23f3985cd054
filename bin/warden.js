#!/usr/bin/env node
// The `warden` command: runs the compiled CLI composition root (built by `npm ci` through `prepare`).
import { main } from '../dist/src/main/cli.js';

process.exitCode = await main(process.argv.slice(2));
