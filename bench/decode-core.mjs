// The decode benchmark's cases and measuring loop, shared by the Node runner and the
// Chromium page (no Node APIs). Each sample times a batch of calls; cases are interleaved
// round-robin so that drift in the machine affects all alike.
import { fixtures } from './fixtures.mjs';
import { zod4, zod3, valibotParse, ajvValidate } from './schemas.mjs';

/** `calls`: extra whole-call cases `{ name: (text) => Promise }`, run on the page of 250. */
export function cases(lib, calls = {}) {
  const { parsePortoutsResponse } = lib;
  const enc = new TextEncoder();
  const dec = new TextDecoder();
  const out = [];
  for (const [fixture, text] of Object.entries(fixtures())) {
    const bytes = enc.encode(text);
    const valid = !fixture.startsWith('invalid');
    const guard = (f) => () => { try { return f(); } catch (e) { return e; } };
    const c = (name, fn, batch) => out.push({ fixture, name, fn: guard(fn), bytes: text.length, batch });
    const batch = text.length > 100_000 ? 10 : 100;
    c('JSON.parse(text)', () => JSON.parse(text), batch);
    c('JSON.parse(decode(bytes))', () => JSON.parse(dec.decode(bytes)), batch);
    c('parsePortoutsResponse(text)', () => parsePortoutsResponse(text), batch);
    c('parsePortoutsResponse(bytes)', () => parsePortoutsResponse(bytes), batch);
    if (fixture === 'page of 250' || fixture === 'string-heavy page of 250' || !valid) {
      c('JSON.parse + ajv (compiled)', () => { const x = JSON.parse(text); if (!ajvValidate(x)) throw new Error('invalid'); return x; }, batch);
      c('JSON.parse + zod 4', () => zod4.parse(JSON.parse(text)), batch);
      c('JSON.parse + zod 3', () => zod3.parse(JSON.parse(text)), batch);
      c('JSON.parse + valibot', () => valibotParse(JSON.parse(text)), batch);
    }
    if (fixture === 'page of 250') for (const [name, f] of Object.entries(calls)) c(name, () => f(text), 10);
  }
  return out;
}

const now = () => performance.now();

/** Runs `list` of cases; returns per case {median, p10, p90} in ms per call. */
export async function measure(list, { samples = 25, warmup = 5, budgetMs = 20_000 } = {}) {
  const times = list.map(() => []);
  const run = async (c) => {
    const t0 = now();
    for (let i = 0; i < c.batch; i++) {
      const r = c.fn();
      if (r && typeof r.then === 'function') await r;
    }
    return (now() - t0) / c.batch;
  };
  for (let w = 0; w < warmup; w++) for (const c of list) await run(c);
  const deadline = now() + budgetMs;
  for (let s = 0; s < samples && now() < deadline; s++) {
    for (let i = 0; i < list.length; i++) times[i].push(await run(list[i]));
  }
  const q = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(p * s.length))]; };
  return list.map((c, i) => ({ fixture: c.fixture, name: c.name, bytes: c.bytes, median: q(times[i], 0.5), p10: q(times[i], 0.1), p90: q(times[i], 0.9), n: times[i].length }));
}

/** Adds the ratio to JSON.parse(text) of the same fixture. */
export function withRatios(results) {
  const base = Object.fromEntries(results.filter((r) => r.name === 'JSON.parse(text)').map((r) => [r.fixture, r.median]));
  return results.map((r) => ({ ...r, ratio: r.median / base[r.fixture] }));
}
