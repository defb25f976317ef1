import type { Capabilities } from '../../reports/registry';

/** What tochuc needs from Office: `Excel.run` and the requirement-set check (tests give a fake). */
export interface ExcelHost {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  isSetSupported(name: string, version: string): boolean;
}

/**
 * Charts need ExcelApi 1.1 only (Worksheet.charts, ChartCollection.add, Chart.title, series.getItemAt,
 * ChartSeries.name, setPosition, width and height), below the 1.4 the manifest asks for: the check
 * is for an Excel that answers otherwise. The use case asks it too, so that the report's text says
 * whether its charts are there.
 */
export function canDrawCharts(host: Pick<ExcelHost, 'isSetSupported'>): boolean {
  return host.isSetSupported('ExcelApi', '1.1');
}

/**
 * Shapes (Worksheet.shapes, addGeometricShape, addLine, addTextBox, Shape position and size,
 * textFrame, fill, lineFormat, Line.connectBeginShape/connectEndShape) all need ExcelApi 1.9.
 */
export function canDrawShapes(host: Pick<ExcelHost, 'isSetSupported'>): boolean {
  return host.isSetSupported('ExcelApi', '1.9');
}

/** What this Excel draws beside the tables, for the use case (src/app/generate.ts). */
export function capabilitiesOf(host: Pick<ExcelHost, 'isSetSupported'>): Capabilities {
  return { charts: canDrawCharts(host), shapes: canDrawShapes(host) };
}
