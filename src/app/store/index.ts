export * from './store';
export * from './hooks';
