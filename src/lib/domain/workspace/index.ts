/** The collaborative document's schema (API.md) as pure functions over a Y.Doc. */
export * from './shape';
export * from './tasks';
export * from './messages';
export * from './ideas';
export * from './presence';
