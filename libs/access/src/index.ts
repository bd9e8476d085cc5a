export { budgetCapsFor, type BudgetAmounts, type BudgetPolicy, type BudgetSubject } from './budget-caps-for.js';
export { budgetExceededProblem, BUDGET_EXCEEDED_STATUS, type BudgetExceededProblem } from './budget-exceeded-problem.js';
export { estimateChatTokens, DEFAULT_OUTPUT_TOKEN_ESTIMATE } from './estimate-chat-tokens.js';
export { ApiKeyTenants } from './api-key-tenants.js';
