// The one DOM helper: elements with a class and text, never markup from data.

export const $ = (id) => document.getElementById(id);

/** A `tag` element with `className` and `text` (either may be left out) and any other properties. */
export function el(tag, className, text, props) {
  const node = Object.assign(document.createElement(tag), props);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** The elements whose ids are `prefix-name`, by name: `ids('story', ['bar'])` is `{bar: #story-bar}`. */
export const ids = (prefix, names) => Object.fromEntries(names.map((name) => [name, $(`${prefix}-${name}`)]));
