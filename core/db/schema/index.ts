export * from './checklist';
export * from './inventory';
export * from './issues';
export * from './machines';
export * from './plan';
export * from './profile';
export * from './planning';
