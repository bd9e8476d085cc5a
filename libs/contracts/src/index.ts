export * from './chat.js';
export * from './chat-workflow.js';
export * from './context.js';
export * from './llm-error-kind.js';
export * from './progress.js';
export * from './rag.js';
export * from './search-attributes.js';
export * from './task-queues.js';
