// Lints snippets of code as if they were files of this repository, with its eslint.config.mjs, and
// prints each snippet's messages as JSON: [[{ ruleId, message }, ...], ...]. Reads the snippets as
// JSON from stdin: [{ filePath, code }, ...] (filePath relative to the repository; the file need
// not exist). Run by layerRules.test.ts in a plain Node process, because ESLint loads its config
// with import(), which Jest's module sandbox refuses without --experimental-vm-modules.
import path from 'node:path';
import { ESLint } from 'eslint';

const repoRoot = path.resolve(import.meta.dirname, '../../..');
let input = '';
for await (const chunk of process.stdin) input += chunk;
const eslint = new ESLint({ cwd: repoRoot });
const results = [];
for (const { filePath, code } of JSON.parse(input)) {
  const [result] = await eslint.lintText(code, { filePath });
  results.push(result.messages.map(({ ruleId, message }) => ({ ruleId, message })));
}
process.stdout.write(JSON.stringify(results));
