import { deprecationOf, flattenTree } from '../../scripts/check-deps';

describe('the dependency check', () => {
  it('lists each package once with its licence, direct ones first', () => {
    const tree = {
      dependencies: {
        zod: { version: '4.6.7', license: 'MIT' },
        exceljs: {
          version: '4.4.0',
          license: 'MIT',
          dependencies: { jszip: { version: '3.10.2', license: '(MIT OR GPL-3.0-or-later)', dependencies: { zod: { version: '4.6.7', license: 'MIT' } } }, odd: { version: '1.0.0' } },
        },
      },
    };
    expect(flattenTree(tree, ['zod', 'exceljs'])).toEqual([
      { name: 'exceljs', version: '4.4.0', license: 'MIT', direct: true },
      { name: 'zod', version: '4.6.7', license: 'MIT', direct: true },
      { name: 'jszip', version: '3.10.2', license: '(MIT OR GPL-3.0-or-later)', direct: false },
      { name: 'odd', version: '1.0.0', license: '未注明', direct: false },
    ]);
  });

  it('reads npm view output: nothing is not deprecated, a message is', () => {
    expect(deprecationOf('')).toBeNull();
    expect(deprecationOf('\n')).toBeNull();
    expect(deprecationOf('"Please upgrade to v4"')).toBe('Please upgrade to v4');
    expect(deprecationOf('Please upgrade')).toBe('Please upgrade');
  });
});
