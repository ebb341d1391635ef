import { readFileSync } from 'fs';
import { BEGIN, DOC, END, generatedSection, withGeneratedSection } from '../../scripts/docs-formats';
import { FORMATS } from '../../src/core/formats/registry';

/** docs/formats.md lists the formats, labels and relationships the code checks: regenerated, it is unchanged. */
describe('docs/formats.md', () => {
  const document = readFileSync(DOC, 'utf8');
  const generated = generatedSection();

  test('holds the part generated from the templates as they are (run `npm run docs:formats` when this fails)', () => {
    const begin = document.indexOf(BEGIN);
    const end = document.indexOf(END);
    expect(begin).toBeGreaterThanOrEqual(0);
    expect(end).toBeGreaterThan(begin);
    expect(document.slice(begin, end + END.length)).toBe(generated);
  });

  test('names every rule and every figure row of every format', () => {
    for (const { template } of FORMATS.list()) {
      for (const rule of template.rules) expect(generated).toContain(`\`${rule.id}\``);
      for (const table of template.tables)
        for (const block of table.blocks) for (const row of block.rows) expect(generated).toContain(`| ${row.kind === 'group' ? `*${row.label}*` : row.label} | \`${row.id}\` |`);
    }
  });

  test('a stale generated part is told apart from a current one', () => {
    const stale = document.replace('`t3.balance`: 强制 (error)', '`t3.balance`: 核实 (warning)');
    expect(stale).not.toBe(document);
    expect(withGeneratedSection(stale)).toBe(document);
  });
});
