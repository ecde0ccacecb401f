import type { FilterNode } from './filter.js';
import type { Id } from './ids.js';
import type { LocalizedText } from './localized.js';

export type Aggregation = 'count' | 'sum' | 'avg' | 'min' | 'max' | 'countDistinct';
export type DateBucket = 'day' | 'week' | 'month' | 'quarter' | 'year';

export type Dimension = { field: Id; bucket?: DateBucket };
/** `field` is omitted for `count`. */
export type Measure = { id: Id; agg: Aggregation; field?: Id; label?: LocalizedText };

export type WidgetType = 'kpi' | 'bar' | 'line' | 'pie' | 'funnel' | 'pivot' | 'table';

export type WidgetDef = {
  id: Id;
  type: WidgetType;
  title: LocalizedText;
  formId: Id;
  dimensions?: Dimension[];
  measures: Measure[];
  filter?: FilterNode;
  /** Grid placement in a 12-column layout. */
  layout: { x: number; y: number; w: number; h: number };
};

/** 仪表盘 */
export type DashboardDef = {
  id: Id;
  name: LocalizedText;
  widgets: WidgetDef[];
};
