import { type FormatLayout, type LayoutCell } from '../../layout/model';
import { legacy2016 } from './template';

/**
 * The legacy 政府信息公开情况统计表 as published: 统计指标 | 单位 | 统计数, one row per line of the template,
 * section rows with "——" in 单位 and 统计数.
 */
const table = legacy2016.tables[0];
const header = (text: string): LayoutCell => ({ text, header: true });

export const legacy2016Layout: FormatLayout = {
  tables: [
    {
      table: 'legacy',
      title: table.name,
      widths: [10, 2, 2],
      headerRows: 1,
      rows: [
        [header('统计指标'), header('单位'), header('统计数')],
        ...table.blocks[0].rows.map((row): LayoutCell[] =>
          row.kind === 'group'
            ? [{ text: row.label }, { dash: true }, { dash: true }]
            : [{ text: row.label }, { text: row.unit ?? '件', align: 'center' }, { indicator: `legacy.${row.id}` }],
        ),
      ],
    },
  ],
};
