import type { FormatPlugin } from '../plugin';
import { analyzeNational2021 } from './analysis';
import { national2021Claims } from './claims';
import { national2021Layout } from './layout';
import { writeNational2021 } from './phrases';
import { national2021 } from './template';

export const national2021Format: FormatPlugin = {
  id: 'national-2021',
  name: '2021年国家格式（国办公开办函〔2021〕30号）',
  // The current format: where a table reads the same in an older one (表四), it is taken as this one.
  priority: 300,
  template: national2021,
  claims: national2021Claims,
  layout: national2021Layout,
  narrative: (reader, facts) => writeNational2021(analyzeNational2021(reader), facts),
};
