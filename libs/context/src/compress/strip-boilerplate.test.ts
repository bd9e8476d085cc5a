import { isBoilerplateLine, normalizeWhitespace } from './strip-boilerplate.js';

describe('isBoilerplateLine', () => {
  it.each([
    'Skip to main content',
    'We use cookies to improve your experience. Accept all cookies | Manage preferences',
    '© 2024 Northwind Outfitters. All rights reserved. | Privacy Policy | Terms of Use',
    'Copyright 2023–2025 The quillstream authors.',
    'Was this article helpful? Yes | No',
    'Home › Help Center › Returns & Refunds',
    'Pricing | Features | Customers | Docs | Sign in',
    'Page 2 of 2',
  ])('furniture: %s', (line) => {
    expect(isBoilerplateLine(line)).toBe(true);
  });

  it.each([
    'Physical items can be returned within 30 days of delivery.',
    '| Tier | RPM | TPM |',
    '## Rate limits',
    'Greenleaf Pharmacy · 340 Lake Street · Oak Park, IL',
    'Terms last updated March 2024. FitCore may change these terms with 30 days notice.',
  ])('content: %s', (line) => {
    expect(isBoilerplateLine(line)).toBe(false);
  });
});

describe('normalizeWhitespace', () => {
  it('collapses runs of spaces, tabs and non-breaking spaces and trims', () => {
    expect(normalizeWhitespace('  Refunds\t\t take \u00a0 5   days.  ')).toBe('Refunds take 5 days.');
  });
});
