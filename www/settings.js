// The connection settings (base URL, API key, retries, timeout): loaded from the session, the
// page's config and the address, shown in the settings form, and turned into the package's
// client options. The API key is kept in memory only.
import { $ } from './dom.js';

/** The base URL when neither the address, the session nor config.json gives one. */
export const FALLBACK_BASE_URL = 'http://127.0.0.1:8787/v2';
const SESSION_KEY = 'telnyx-portouts-demo:settings';

/** The settings in use (changed by the settings form and the address's baseUrl). */
export const settings = { baseUrl: FALLBACK_BASE_URL, apiKey: '', maxRetries: 2 };

export function loadSettings(configBaseUrl, urlBaseUrl) {
  let saved = {};
  try {
    saved = JSON.parse(sessionStorage.getItem(SESSION_KEY) ?? '{}') ?? {};
  } catch { /* ignore */ }
  settings.baseUrl = urlBaseUrl || saved.baseUrl || configBaseUrl || FALLBACK_BASE_URL;
  if (Number.isInteger(saved.maxRetries)) settings.maxRetries = saved.maxRetries;
  if (Number.isInteger(saved.timeoutMs)) settings.timeoutMs = saved.timeoutMs;
  settings.defaultBaseUrl = configBaseUrl || FALLBACK_BASE_URL;
  writeSettingsForm();
}

export function writeSettingsForm() {
  $('set-base-url').value = settings.baseUrl;
  $('set-api-key').value = settings.apiKey;
  $('set-max-retries').value = String(settings.maxRetries ?? '');
  $('set-timeout').value = String(settings.timeoutMs ?? '');
  renderConnection();
}

export function saveSettings() {
  try {
    // The API key is deliberately never stored.
    sessionStorage.setItem(SESSION_KEY, JSON.stringify({ baseUrl: settings.baseUrl, maxRetries: settings.maxRetries, timeoutMs: settings.timeoutMs }));
  } catch { /* storage may be disabled */ }
}

export function renderConnection() {
  const parts = [`Base URL ${settings.baseUrl}`];
  parts.push(settings.apiKey ? 'API key in memory' : 'no API key');
  $('connection-summary').textContent = parts.join(' · ');
}

/** The client options of every request. */
export function clientOptions(signal) {
  const options = { baseUrl: settings.baseUrl };
  if (settings.apiKey) options.apiKey = settings.apiKey;
  if (settings.maxRetries !== undefined) options.maxRetries = settings.maxRetries;
  if (settings.timeoutMs !== undefined) options.timeoutMs = settings.timeoutMs;
  if (signal) options.signal = signal;
  return options;
}
