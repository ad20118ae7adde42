// Text inside a <script> element of the page: the inlined Vega runtime, the enhancing
// script, and each chart's compiled spec as JSON.

/**
 * Text that is safe inside a <script> element: no "</script" that would end it and no
 * "<!--" that would change how the HTML parser reads the rest. Both rewrites read the
 * same inside a JavaScript string, template or regular expression ("\/" is "/" and
 * "\x21" is "!"), the only places these sequences occur in code.
 */
export function scriptSafe(text: string): string {
  return text.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\x21--');
}

/** JSON for a <script type="application/json"> element: "<" written as \u003c, so nothing in it can end the element. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}
