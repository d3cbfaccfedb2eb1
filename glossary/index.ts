// The glossary's public surface: the article's typed content, the chart and the terms.
export type * from './types.ts';
export * from './article.ts';
export * from './chart.ts';
export * from './terms.ts';
