import type { FormatPlugin } from '../plugin';
import { analyzeNational2019 } from './analysis';
import { national2019Claims } from './claims';
import { national2019Layout } from './layout';
import { writeNational2019 } from './phrases';
import { national2019 } from './template';

export const national2019Format: FormatPlugin = {
  id: 'national-2019',
  name: '2019年试行格式（国办公开办函〔2019〕60号）',
  priority: 200,
  template: national2019,
  claims: national2019Claims,
  layout: national2019Layout,
  narrative: (reader, facts) => writeNational2019(analyzeNational2019(reader), facts),
};
