// List markers, headings, quotes and emphasis around a statement; attributions in front of it.
const LEADING_MARKUP = /^(?:\s|[-*+•>#]+\s|\d{1,3}[.)]\s|\*\*|__|[*_`"“])+/;
const TRAILING_MARKUP = /(?:\s|\*\*|__|[*_`"”])+$/;
const EMPHASIS = /\*\*|__|`/g;
const ATTRIBUTION =
  /^(?:(?:based on|according to|per|as (?:stated|mentioned|noted|described) in|from) (?:the |our |your )?(?:provided |available |retrieved )?(?:sources?|documents?|documentation|context|information|policy|policies|articles?|faq|knowledge base|terms|help center)(?:\s+\w+)?,\s*|(?:in summary|in short|to summarize|overall|in general|generally speaking|yes|no|sure|certainly|of course|absolutely|great question|good question)[,:!.]\s*)/i;

/** The statement itself: markup, attributions ("According to the sources, …") and interjections dropped, spaces collapsed. */
export function cleanClaimText(text: string): string {
  let cleaned = text.replace(LEADING_MARKUP, '').replace(TRAILING_MARKUP, '').replace(EMPHASIS, '');
  for (let previous = ''; previous !== cleaned; ) {
    previous = cleaned;
    cleaned = cleaned.replace(ATTRIBUTION, '');
  }
  cleaned = cleaned.replace(/\s+/g, ' ').replace(/\s+([.,;:!?])/g, '$1').trim();
  return cleaned.charAt(0).toUpperCase() + cleaned.slice(1);
}
