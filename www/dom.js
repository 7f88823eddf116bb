// Small helpers every part of the page uses: element by id, number formatting, plurals.

/** The element with this id. */
export const $ = (id) => document.getElementById(id);
/** Numbers as the page writes them (1,234). */
export const nf = new Intl.NumberFormat('en-US');

/** `n one` or `n ones`, with the number formatted. */
export function plural(n, one, many = `${one}s`) {
  return `${nf.format(n)} ${n === 1 ? one : many}`;
}
