import { indicatorLabel, indicatorsOf, TEMPLATES, templateById } from '../../src/core/templates';

describe('an indicator’s label, computed in one place', () => {
  it('is the label indicatorsOf gives every indicator of every template', () => {
    for (const template of TEMPLATES) for (const spec of indicatorsOf(template)) expect([spec.id, indicatorLabel(template, spec.id)]).toEqual([spec.id, spec.label]);
  });

  it('is the row’s label alone without the column, and the id for an indicator the template lacks', () => {
    const national = templateById('national-2021');
    const withColumn = indicatorLabel(national, 't3.granted.natural');
    expect(withColumn).toMatch(/予以公开.*\/自然人$/);
    expect(indicatorLabel(national, 't3.granted.natural', { withColumn: false })).toBe(withColumn.split('/')[0]);
    expect(indicatorLabel(national, 't3.granted.nobody')).toBe('t3.granted.nobody');
    expect(indicatorLabel(national, 't9.granted')).toBe('t9.granted');
    expect(indicatorLabel(templateById('legacy-2016'), 'legacy.received')).toMatch(/收到申请数/);
  });
});
