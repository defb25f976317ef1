import { merger } from './merger';
import { partyQuarterly } from './partyQuarterly';
import { reduction } from './reduction';
import { benefits } from './benefits';
import { ReportRegistry } from './registry';

/**
 * The report kinds tochuc makes, in the order the CLI's usage and the task pane list them. A new kind
 * is a folder src/reports/<kind>/ whose index exports its ReportDefinition, registered here.
 */
export const reports = new ReportRegistry();
reports.register(reduction);
reports.register(partyQuarterly);
reports.register(merger);
reports.register(benefits);

export type { ReportDefinition, ReportParams } from './registry';
