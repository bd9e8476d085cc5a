import { classifyRequest } from './classify-request.js';
import type { RequestFeatures } from './request-features.js';
import { parseRoutingRules } from './routing-rules.js';

const plain: RequestFeatures = {
  lastUserTokens: 10,
  totalTokens: 10,
  turnCount: 1,
  hasCode: false,
  reasoningCues: 0,
  mathCues: 0,
  questionCount: 1,
  explicitHint: undefined,
  documentCount: 0,
};

const rules = parseRoutingRules({
  defaultTier: 'simple',
  tiers: ['simple', 'medium', 'complex'],
  rules: [
    { name: 'code', tier: 'complex', when: { hasCode: true } },
    { name: 'long-questions', tier: 'medium', when: { minLastUserTokens: 200, minQuestions: 2 } },
    { name: 'long', tier: 'complex', when: { minLastUserTokens: 200 } },
  ],
});

describe('classifyRequest', () => {
  it('falls back to the default tier and says so', () => {
    expect(classifyRequest(plain, rules)).toEqual({ tier: 'simple', reason: "no rule matched: default tier 'simple'" });
  });

  it('names the matching rule and the facts that made it match', () => {
    expect(classifyRequest({ ...plain, hasCode: true }, rules)).toEqual({
      tier: 'complex',
      reason: "rule 'code' matched: hasCode",
      matchedRule: 'code',
    });
  });

  it('requires every condition of a rule to hold', () => {
    const decision = classifyRequest({ ...plain, lastUserTokens: 300, questionCount: 1 }, rules);
    expect(decision.matchedRule).toBe('long');
  });

  it('lets the first matching rule win over later ones', () => {
    const decision = classifyRequest({ ...plain, lastUserTokens: 300, questionCount: 2, hasCode: true }, rules);
    expect(decision).toMatchObject({ tier: 'complex', matchedRule: 'code' });
    const withoutCode = classifyRequest({ ...plain, lastUserTokens: 300, questionCount: 2 }, rules);
    expect(withoutCode).toEqual({
      tier: 'medium',
      reason: "rule 'long-questions' matched: lastUserTokens 300 >= 200, questionCount 2 >= 2",
      matchedRule: 'long-questions',
    });
  });

  it('obeys an explicit hint over every rule', () => {
    const decision = classifyRequest({ ...plain, hasCode: true, explicitHint: 'simple' }, rules);
    expect(decision).toEqual({ tier: 'simple', reason: "explicit hint: tier 'simple' requested by the caller" });
  });

  it('ignores a hint naming an unknown tier but reports it in the reason', () => {
    const decision = classifyRequest({ ...plain, hasCode: true, explicitHint: 'turbo' }, rules);
    expect(decision).toEqual({
      tier: 'complex',
      reason: "rule 'code' matched: hasCode; ignored hint 'turbo' (not a configured tier)",
      matchedRule: 'code',
    });
  });

  it('matches hasCode: false only for requests without code', () => {
    const noCodeRules = parseRoutingRules({
      defaultTier: 'complex',
      tiers: ['simple', 'complex'],
      rules: [{ name: 'prose', tier: 'simple', when: { hasCode: false } }],
    });
    expect(classifyRequest(plain, noCodeRules).reason).toBe("rule 'prose' matched: no code");
    expect(classifyRequest({ ...plain, hasCode: true }, noCodeRules).tier).toBe('complex');
  });
});
