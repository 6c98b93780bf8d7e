/**
 * The shortcodes written around text, `{% name %}…{% endname %}`: registered in ./shortcodes.ts,
 * and known to the check of tags left open (../check/open-tags.ts), which names the one a page
 * never closes. A module of its own so that check needs nothing else of the plugin.
 */
export const PAIRED_SHORTCODES = ["keyStats", "callout", "pullQuote"] as const;
