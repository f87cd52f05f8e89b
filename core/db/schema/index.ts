export * from './checklist';
export * from './inventory';
export * from './machines';
export * from './plan';
export * from './profile';
