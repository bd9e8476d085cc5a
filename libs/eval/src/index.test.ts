import * as evaluation from '#libs/eval';

describe('#libs/eval', () => {
  it('exports the API the eval workflow and CLI call', () => {
    for (const name of ['loadSuite', 'parseSuite', 'evaluateQuery', 'summarize', 'compareToBaseline', 'readBaseline', 'toJsonReport', 'toMarkdownReport', 'toHtmlReport', 'toConsoleTable', 'containsFact', 'detectRefusal']) {
      expect(typeof (evaluation as Record<string, unknown>)[name]).toBe('function');
    }
  });
});
