// The address bar: the package's query string (buildPortoutsQuery / parsePortoutsQuery) beside
// the page's own parameters (`baseUrl`, `portout`).
import { buildPortoutsQuery } from 'telnyx-portouts';
import { settings } from './settings.js';

/** The page size when the address sets none. */
export const DEFAULT_PAGE_SIZE = 20;
/** Address-bar parameters that belong to the page, not to the port-out query. */
const APP_PARAMS = ['baseUrl', 'portout'];

/** Splits `location.search` into the package's query string and the page's own parameters. */
export function splitSearch(search) {
  const lib = [];
  const app = new URLSearchParams();
  for (const part of search.replace(/^\?/, '').split('&')) {
    if (!part) continue;
    const [entry] = new URLSearchParams(part);
    if (entry && APP_PARAMS.includes(entry[0])) app.append(entry[0], entry[1]);
    else lib.push(part);
  }
  return { libSearch: lib.join('&'), app };
}

/** The address for a query: buildPortoutsQuery's string (+ the page's own parameters). */
export function urlFor(query) {
  const page = {};
  if (query.page.number > 1) page.number = query.page.number;
  if (query.page.size !== DEFAULT_PAGE_SIZE) page.size = query.page.size;
  const forUrl = { filter: query.filter };
  if (Object.keys(page).length) forUrl.page = page;
  const qs = buildPortoutsQuery(forUrl);
  const { app } = splitSearch(location.search);
  if (app.has('baseUrl')) app.set('baseUrl', settings.baseUrl);
  return addressOf(qs, app);
}

/** This page's address for the package's query string and the page's own parameters. */
export function addressOf(libSearch, app) {
  const search = [libSearch, app.toString()].filter(Boolean).join('&');
  return location.pathname + (search ? `?${search}` : '');
}

/** A parsed query with the page filled in. */
export function normalizeQuery(q) {
  const page = q?.page ?? {};
  return {
    filter: q?.filter ?? {},
    page: {
      number: page.number ?? q?.['page[number]'] ?? 1,
      size: page.size ?? q?.['page[size]'] ?? DEFAULT_PAGE_SIZE,
    },
  };
}

/** The listing part of the address: the package's query and the baseUrl parameter. */
export function listingKey({ libSearch, app } = splitSearch(location.search)) {
  return `${libSearch}\n${app.get('baseUrl') ?? ''}`;
}

/** The address with `portout` set to `id` (or removed). */
export function urlWithPortout(id) {
  const { libSearch, app } = splitSearch(location.search);
  if (id) app.set('portout', id);
  else app.delete('portout');
  return addressOf(libSearch, app);
}
