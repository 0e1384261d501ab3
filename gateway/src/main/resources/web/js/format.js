// Number and time formatting for the result panels.

const numberFormats = new Map();

/** A number with a fixed count of decimals, grouped by thousands. */
export function number(value, decimals = 0) {
  if (value === undefined || value === null || Number.isNaN(value)) {
    return '–';
  }
  let format = numberFormats.get(decimals);
  if (!format) {
    format = new Intl.NumberFormat('en-US', {
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
    });
    numberFormats.set(decimals, format);
  }
  return format.format(value);
}

export function dollars(value) {
  return value === undefined || value === null ? '–' : `$${number(value, 2)}`;
}

export function meters(value) {
  return value >= 1000 ? `${number(value / 1000, 2)} km` : `${number(value, 0)} m`;
}

export function minutes(value) {
  return `${number(value, 1)} min`;
}

/** "2014-04-15T18:03:20" shown as "Apr 15 18:03:20"; the API's times are local wall-clock times. */
export function localTime(iso) {
  if (!iso) {
    return '–';
  }
  const [date, clock] = iso.split('T');
  const month = MONTHS[Number(date.slice(5, 7)) - 1];
  return `${month} ${Number(date.slice(8, 10))} ${clock}`;
}

/** Only the clock part of an ISO local time, to the minute or to the second. */
export function clockOf(iso, seconds = false) {
  return iso ? iso.split('T')[1].slice(0, seconds ? 8 : 5) : '–';
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Creates an element with attributes and children, for building result markup without innerHTML. */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') node.className = value;
    else if (key === 'text') node.textContent = value;
    else node.setAttribute(key, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** The result's notices, such as an estimated total or a widened radius, as paragraphs. */
export function notices(result) {
  return (result.notices || []).map((n) =>
    el('p', { class: 'notice', text: typeof n === 'string' ? n : n.message || JSON.stringify(n) }),
  );
}

/** Replaces a container's content with the given nodes, skipping absent (null) ones. */
export function fill(container, ...children) {
  container.replaceChildren(...children.flat().filter((c) => c !== null && c !== undefined));
}
