// Lints texts as if they were files of the project, with the project's eslint.config.mjs, through ESLint's
// Node API. A separate process because the config and eslint-plugin-import-x are ES modules, which Jest's
// CommonJS runtime cannot import. Reads [{ file, text }] as JSON on stdin (file relative to the project);
// writes [{ file, messages: [{ ruleId, message, line }] }] on stdout.
import { ESLint } from 'eslint';
import path from 'node:path';
import { readFileSync } from 'node:fs';

const root = path.resolve(import.meta.dirname, '..', '..');
const eslint = new ESLint({ cwd: root });
const cases = JSON.parse(readFileSync(0, 'utf8'));
const results = [];
for (const { file, text } of cases) {
  const [result] = await eslint.lintText(text, { filePath: path.join(root, file) });
  results.push({ file, messages: result.messages.map(({ ruleId, message, line }) => ({ ruleId, message, line })) });
}
process.stdout.write(JSON.stringify(results));
