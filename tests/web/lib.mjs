// Shared by the browser tests: Debian's Chromium through playwright-core, and the verdict.
import { chromium } from 'playwright-core';

export function launch() {
  return chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox'] });
}

// Prints every failure and ends the process: exit 1 when there is one.
export function verdict(failures) {
  for (const message of failures) console.log(`FAIL: ${message}`);
  if (failures.length) process.exit(1);
  console.log('all checks passed');
}
