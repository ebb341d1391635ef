import { hostKindOf, wpsKindOf } from '../../src/host/detect';
import { createFakeEt } from './fakeEt';
import { createFakeWriter } from './fakeWriter';

/** One build for Office and WPS: the pane tells them apart at start-up. */
describe('which host the pane opens in', () => {
  test('WPS 表格 and WPS 文字 by their application object on window, with or without a file open', () => {
    const et = createFakeEt({ sheets: [] });
    expect(wpsKindOf({ Application: et.application })).toBe('et');
    et.closeWorkbook();
    expect(wpsKindOf({ Application: et.application })).toBe('et');
    const writer = createFakeWriter({ paragraphs: [''] });
    expect(wpsKindOf({ Application: writer.application })).toBe('wps');
  });

  test('anything else is not WPS: a plain page, Office, another object named Application', () => {
    expect(wpsKindOf({})).toBeNull();
    expect(wpsKindOf({ Application: null })).toBeNull();
    expect(wpsKindOf({ Application: 'x' })).toBeNull();
    expect(wpsKindOf({ Application: { Name: 'WPS 演示', ActivePresentation: {} } })).toBeNull();
    expect(hostKindOf('Excel')).toBe('excel');
    expect(hostKindOf('Word')).toBe('word');
    expect(hostKindOf(null)).toBeNull();
  });
});
