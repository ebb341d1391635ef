import fc from 'fast-check';
import { labelCore, matchConfidence, normalizeText, prepareLabel, similarity } from '../../src/core/labels';

describe('label normalization', () => {
  it.each([
    ['（一）主动公开政府信息数', '主动公开政府信息数'],
    ['(一)主动公开政府信息数 (不同渠道和方式公开相同信息计1条)', '主动公开政府信息数'],
    ['一、行政复议数量', '行政复议数量'],
    ['1.当面申请数', '当面申请数'],
    ['1、当面申请数', '当面申请数'],
    ['1．当面申请数', '当面申请数'],
    ['⑴当面申请数', '当面申请数'],
    ['其中:主动公开规范性文件数', '主动公开规范性文件数'],
    ['其中：涉及国家秘密', '涉及国家秘密'],
    ['统 计 指 标', '统计指标'],
    ['本年收费金额（单位：万元）', '本年收费金额'],
    ['3.危及“三安全一稳定”', '危及三安全一稳定'],
    ['不是《条例》所指政府信息', '不是条例所指政府信息'],
    ['三、（一）予以公开', '予以公开'],
  ])('"%s" has the core "%s"', (label, core) => {
    expect(labelCore(label)).toBe(labelCore(core));
  });

  it('maps the known typos to one spelling (formats.md §5)', () => {
    expect(labelCore('(三)其他情况数')).toBe(labelCore('(三)其他情形数'));
    expect(labelCore('5.属于三类内容事务信息')).toBe(labelCore('5.属于三类内部事务信息'));
    expect(labelCore('行政事业型收费')).toBe(labelCore('行政事业性收费'));
  });

  it('keeps numbers that are part of the name', () => {
    expect(labelCore('2019年度')).toBe('2019年度');
    expect(normalizeText('１２３')).toBe('123');
  });
});

describe('tolerant matching', () => {
  const label = prepareLabel({ label: '(一)主动公开政府信息数(不同渠道和方式公开相同信息计1条)', variants: [] });

  it('is certain of an exact core and less certain of a near spelling', () => {
    expect(matchConfidence(labelCore('主动公开政府信息数'), label)).toBe(1);
    const near = matchConfidence(labelCore('主动公开的政府信息数'), label);
    expect(near).toBeGreaterThan(0.75);
    expect(near).toBeLessThan(1);
  });

  it('never matches a short label loosely: 其他 is not 其他结果', () => {
    expect(matchConfidence('其他结果', prepareLabel({ label: '其他', variants: [] }))).toBe(0);
  });

  it('does not match an unrelated label', () => {
    expect(matchConfidence(labelCore('政务微博公开政府信息数'), prepareLabel({ label: '涉及商业秘密', variants: [] }))).toBeLessThan(0.75);
  });

  it('gives a label the same core whatever numbering, width and spacing it is written with', () => {
    const numbering = fc.constantFrom('', '(一)', '（一）', '一、', '1.', '1、', '1．', '（1）', '三、(二)');
    const core = fc.constantFrom('主动公开政府信息数', '收到申请数', '予以公开', '结转下年度继续办理', '行政规范性文件');
    fc.assert(
      fc.property(numbering, core, fc.array(fc.integer({ min: 0, max: 12 }), { maxLength: 3 }), fc.boolean(), (num, c, spaces, fullWidth) => {
        let text = num + c;
        for (const at of spaces) text = text.slice(0, at) + ' ' + text.slice(at);
        if (fullWidth) text = text.replace(/[()]/g, (p) => (p === '(' ? '（' : '）'));
        return labelCore(text) === labelCore(c);
      }),
    );
  });

  it('similarity is symmetric and 1 only for equal strings', () => {
    fc.assert(fc.property(fc.string(), fc.string(), (a, b) => similarity(a, b) === similarity(b, a) && (similarity(a, b) === 1) === (a === b || (a.length < 2 && b.length < 2 && a === b))));
  });
});
