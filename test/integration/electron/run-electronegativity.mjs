// Runs electronegativity through its programmatic API and lets it write its CSV report.
// Its CLI cannot be used: it requires a `commander` it does not declare and gets this
// project's (v14), whose API differs.
// Usage: node run-electronegativity.mjs INPUT REPORT.csv ELECTRON_VERSION SUMMARY.json
import { writeFileSync } from 'node:fs';
import run from '@doyensec/electronegativity';

const [input, report, electronVersion, summary] = process.argv.slice(2);
const result = await run({
  input,
  output: report,
  isSarif: false,
  customScan: [],
  // This check downloads Electron's release list to judge the version named in a package.json;
  // the scanned folders have none, so it could only make the run depend on the network.
  excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
  isRelative: true,
  electronVersionOverride: electronVersion,
  parserPlugins: [],
});
writeFileSync(summary, JSON.stringify({ issues: result.issues.length, errors: result.errors }));
