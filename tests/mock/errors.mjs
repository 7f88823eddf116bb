// Telnyx-style error bodies, shared by the server and the resource routes.

import http from 'node:http';

// Telnyx-style error codes/titles per HTTP status.
export const ERRORS = {
  400: ['10002', 'Bad request', 'The request could not be understood.'],
  401: ['10009', 'Authentication failed', 'The API key provided is invalid or missing.'],
  403: ['10010', 'Authorization failed', 'You are not authorized to perform this action.'],
  404: ['10005', 'Resource not found', 'The requested resource or URL could not be found.'],
  405: ['10006', 'Method not allowed', 'The HTTP method is not allowed for this resource.'],
  408: ['10012', 'Request timeout', 'The request timed out.'],
  409: ['10003', 'Conflict', 'The request conflicts with the current state of the resource.'],
  422: ['10015', 'Invalid parameter', 'A parameter is invalid.'],
  429: ['10011', 'Too many requests', 'You have exceeded the rate limit. Please retry later.'],
  500: ['10007', 'Internal server error', 'An unexpected error occurred.'],
  502: ['10008', 'Bad gateway', 'The upstream service returned an invalid response.'],
  503: ['10013', 'Service unavailable', 'The service is temporarily unavailable.'],
  504: ['10014', 'Gateway timeout', 'The upstream service did not respond in time.'],
};

/** `{ errors: [ {...} ] }` for an HTTP status, with an optional detail override. */
export function errorBody(status, detail, extra = {}) {
  const [code, title, defaultDetail] = ERRORS[status] ?? [
    String(10000 + (status % 1000)),
    http.STATUS_CODES[status] ?? 'Error',
    `The request failed with HTTP status ${status}.`,
  ];
  return { errors: [{ code, title, detail: detail ?? defaultDetail, ...extra }] };
}
