import { type ValidationSource } from '../support/validation-source.js';

/** Three small help-centre chunks with the near-misses answers get wrong: two plans, two speeds, an exception. */
export const SUPPORT_SOURCES: readonly ValidationSource[] = [
  {
    id: 'shipping',
    title: 'Shipping options',
    text: 'Standard shipping costs $5 and takes 3–5 business days. Express shipping costs $15 and arrives in 2 days. Orders over $50 ship free within the continental US.',
  },
  {
    id: 'returns',
    title: 'Returns and refunds',
    text: 'You can return unused items within 30 days of delivery for a full refund. Refunds are issued to the original payment method within 5 business days. Final-sale items cannot be returned.',
  },
  {
    id: 'plans',
    title: 'Plans and support',
    text: 'The Business plan includes SSO and audit logs. The Pro plan costs $12 per user per month and includes priority support. Support is available Monday to Friday, 9am to 5pm. The annual report is published on 5 January 2025.',
  },
];
