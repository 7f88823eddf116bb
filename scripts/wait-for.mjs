// Waits (up to 10 s) until a URL answers 200; exits 1 otherwise. Usage: node scripts/wait-for.mjs URL
const url = process.argv[2];
const deadline = Date.now() + 10_000;
while (Date.now() < deadline) {
  try {
    const r = await fetch(url);
    if (r.ok) process.exit(0);
  } catch {}
  await new Promise((r) => setTimeout(r, 100));
}
console.error(`no answer from ${url}`);
process.exit(1);
