/** A suite in the documented format, every assertion type used once. */
export const SAMPLE_SUITE_YAML = `
suite: demo
description: Golden questions about the demo corpus.
defaults:
  model: auto
  collections: [demo]
  assert:
    - { type: latency, threshold: 20000 }
    - { type: cost, threshold: 0.01 }
corpus: { collection: demo, paths: [demo/corpus] }
thresholds:
  passRate: 0.8
  maxRegression: 0.05
queries:
  - id: refund-window
    tags: [factual]
    question: "How long do I have to return an item?"
    assert:
      - { type: contains-all, value: ["30 days", "receipt"] }
      - { type: contains-any, value: ["30 days", "thirty days"] }
      - { type: not-contains, value: ["60 days"] }
      - { type: regex, value: "\\\\b30\\\\b", flags: i }
      - { type: groundedness, threshold: 0.8 }
      - { type: citations }
  - id: ceo-salary
    tags: [refusal]
    question: What is the CEO's salary?
    collections: []
    assert:
      - { type: refusal }
      - { type: citations, min: 0 }
  - id: follow-up
    tags: [multi-turn, factual]
    model: gpt-4o-mini
    messages:
      - { role: user, content: What is the deposit? }
      - { role: assistant, content: The deposit is 250 EUR. }
      - { role: user, content: And is it refundable? }
    assert:
      - { type: not-contains, value: non-refundable }
      - { type: llm-rubric, value: "Says the deposit is refundable." }
      - { type: latency, threshold: 60000 }
`;
