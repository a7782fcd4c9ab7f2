export * from './note-schema';
