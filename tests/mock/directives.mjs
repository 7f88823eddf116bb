// Fault-injection directives: the `<directives>` segment of
// `/__mock/<directives>/v2/...`.
//
// Syntax: comma-separated `name=value` pairs. The segment is split on literal
// commas first and each part is percent-decoded afterwards, so a value that
// itself contains a comma (an HTTP-date Retry-After) must encode it as %2C.
// The "directive key" used for per-directive counters is the whole segment,
// percent-decoded, exactly as received.

export const BODY_FAULTS = ['truncated', 'html', 'wrong_type', 'empty', 'notjson', 'drop', 'echo_auth'];

const intIn = (lo, hi) => (name, v) => {
  if (!/^\d+$/.test(v)) throw new Error(`${name} must be an integer`);
  const n = Number(v);
  if (!Number.isSafeInteger(n) || n < lo || n > hi) throw new Error(`${name} must be between ${lo} and ${hi}`);
  return n;
};

const nonEmpty = (name, v) => {
  if (v === '') throw new Error(`${name} must not be empty`);
  return v;
};

const PARSERS = {
  tag: nonEmpty,
  latency: intIn(0, 120000),
  status: intIn(200, 599),
  times: intIn(0, Number.MAX_SAFE_INTEGER),
  retry_after: nonEmpty,
  body: (name, v) => {
    if (!BODY_FAULTS.includes(v)) throw new Error(`body must be one of ${BODY_FAULTS.join(', ')}`);
    return v;
  },
  hang: (name, v) => {
    if (!['1', 'true', '0', 'false'].includes(v)) throw new Error('hang must be 1 or 0');
    return v === '1' || v === 'true';
  },
  fail_page: intIn(1, Number.MAX_SAFE_INTEGER),
  method: (name, v) => {
    if (!['GET', 'POST', 'PATCH'].includes(v)) throw new Error('method must be GET, POST or PATCH');
    return v;
  },
  auth: nonEmpty,
  count: intIn(0, Number.MAX_SAFE_INTEGER),
  grow: intIn(0, 1000000),
};

export const DIRECTIVE_NAMES = Object.keys(PARSERS);

/**
 * Parses a raw (still percent-encoded) directive segment.
 * Returns { key, directives } or throws an Error with a helpful message.
 */
export function parseDirectives(rawSegment) {
  const directives = {};
  const decodedParts = [];
  if (rawSegment !== '') {
    for (const rawPart of rawSegment.split(',')) {
      let part;
      try {
        part = decodeURIComponent(rawPart);
      } catch {
        throw new Error(`malformed percent-encoding in directive '${rawPart}'`);
      }
      decodedParts.push(part);
      if (part === '') continue;
      const eq = part.indexOf('=');
      if (eq === -1) throw new Error(`directive '${part}' must be name=value`);
      const name = part.slice(0, eq);
      const value = part.slice(eq + 1);
      const parse = PARSERS[name];
      if (!parse) throw new Error(`unknown directive '${name}'; known: ${DIRECTIVE_NAMES.join(', ')}`);
      if (name in directives) throw new Error(`directive '${name}' given twice`);
      directives[name] = parse(name, value);
    }
  }
  return { key: decodedParts.join(','), directives };
}

/** True when the directives ask for a fault (as opposed to latency/data shaping only). */
export function hasFault(d) {
  return d.status !== undefined || d.body !== undefined || d.hang === true;
}
