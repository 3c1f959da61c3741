export * from './store';
export * from './hooks';
export * from './annotations';
