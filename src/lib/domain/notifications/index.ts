/** Activity and notification preferences: names, defaults and input schemas. Pure. */
export * from './types';
export * from './schemas';
export * from './digest-schedule';
export * from './describe';
