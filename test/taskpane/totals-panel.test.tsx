/** @jest-environment jsdom */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { fireEvent, render, screen } from '@testing-library/react';
import { analyzeWorkbook, planTotals } from '../../src/core';
import { TotalsPanel } from '../../src/taskpane/TotalsPanel';
import { V } from '../../src/taskpane/viewStrings';
import { withFigures } from '../support/edit';
import { national2021OneSheet } from '../support/layouts';

// jsdom has no layout: Fluent's MessageBar watches its size with a ResizeObserver.
beforeAll(() => {
  window.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
});

describe('计算合计 in the pane', () => {
  const wb = withFigures({ sheets: [national2021OneSheet('统计表')] }, { 't4.review.total': null, 't3.granted.total': 99, 't3.newApplications.research': null });
  const analysis = analyzeWorkbook(wb);

  function show(fillBlanks: boolean, onFillBlanksChange = jest.fn()) {
    const plan = planTotals(analysis.tables, { fillBlanks });
    render(
      <FluentProvider theme={webLightTheme}>
        <TotalsPanel plan={plan} fillBlanks={fillBlanks} onFillBlanksChange={onFillBlanksChange} busy={false} onApply={jest.fn()} onCancel={jest.fn()} />
      </FluentProvider>,
    );
    return onFillBlanksChange;
  }

  it('lists each planned write and calls out the one that replaces a typed value', () => {
    show(false);
    expect(screen.getAllByRole('row')).toHaveLength(1 + 2);
    expect(screen.getAllByText(V.totalsOverwrites)).toHaveLength(1);
    expect(screen.getByRole('button', { name: V.totalsApply(2) })).toBeTruthy();
  });

  it('offers 空白填0 as the user’s choice, and the plan then fills the blank', () => {
    const onChange = show(false);
    fireEvent.click(screen.getByRole('checkbox', { name: V.totalsFillBlanks }));
    expect(onChange).toHaveBeenCalledWith(true);
  });

  it('with 空白填0 the blank figure is among the writes', () => {
    show(true);
    expect(screen.getByRole('button', { name: V.totalsApply(3) })).toBeTruthy();
    expect((screen.getByRole('checkbox', { name: V.totalsFillBlanks }) as HTMLInputElement).checked).toBe(true);
  });
});
