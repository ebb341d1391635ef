import type { FormatLayout } from '../../layout/model';
import { table2Block, table3Layout, TABLE_4_LAYOUT } from '../national-common/layout';
import { national2021 } from './template';

/** Tables 二, 三 and 四 as 国办公开办函〔2021〕30号 prints them. */
export const national2021Layout: FormatLayout = {
  tables: [
    {
      table: 't2',
      title: '表二 主动公开政府信息情况',
      widths: [4, 3, 3, 3],
      headerRows: 0,
      rows: [
        ...table2Block(
          '第二十条第（一）项',
          [
            { header: '本年制发件数', id: 'issued' },
            { header: '本年废止件数', id: 'repealed' },
            { header: '现行有效件数', id: 'inForce' },
          ],
          [
            { id: 'regulations', label: '规章' },
            { id: 'normativeDocs', label: '行政规范性文件' },
          ],
        ),
        ...table2Block('第二十条第（五）项', [{ header: '本年处理决定数量', colSpan: 3, id: '' }], [{ id: 'licensing', label: '行政许可' }]),
        ...table2Block(
          '第二十条第（六）项',
          [{ header: '本年处理决定数量', colSpan: 3, id: '' }],
          [
            { id: 'punishment', label: '行政处罚' },
            { id: 'coercion', label: '行政强制' },
          ],
        ),
        ...table2Block('第二十条第（八）项', [{ header: '本年收费金额（单位：万元）', colSpan: 3, id: '' }], [{ id: 'fees', label: '行政事业性收费' }]),
      ],
    },
    table3Layout(national2021.tables[1]),
    TABLE_4_LAYOUT,
  ],
};
