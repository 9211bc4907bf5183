/**
 * Turns a schema validation failure into the API's error shape: `{ error, field, reason }`, where
 * `error` reads as a sentence ("headline: must have at least 1 character"), `field` names the input
 * (dotted for nested ones: "adRule.maxSlots") and `reason` is the part after the colon. Ajv's own
 * messages ("must NOT have fewer than 1 characters") are written for schema authors, not clients.
 */
import type { FastifyRequest, FastifySchemaValidationError } from 'fastify';

export interface ApiProblem {
  error: string;
  field?: string;
  reason?: string;
}

/** /api/… routes answer in JSON; everything else (pages, feeds) in plain text. */
export function isApiPath(request: FastifyRequest): boolean {
  return (request.routeOptions.url ?? request.url).startsWith('/api/');
}

export function describeValidation(errors: FastifySchemaValidationError[], context: string | undefined): ApiProblem {
  // The first error is the one the client hits first; Fastify stops at it unless allErrors is on.
  const first = errors[0];
  if (!first) return { error: 'The request is not valid.' };
  const field = fieldOf(first) || context || 'body';
  const reason = reasonOf(first);
  return { error: `${field}: ${reason}`, field, reason };
}

function fieldOf(error: FastifySchemaValidationError): string {
  const path = error.instancePath
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/gu, '/').replace(/~0/gu, '~'));
  const missing = error.keyword === 'required' ? error.params.missingProperty : error.keyword === 'additionalProperties' ? error.params.additionalProperty : undefined;
  if (typeof missing === 'string') path.push(missing);
  return path.join('.');
}

const plural = (n: unknown, word: string) => `${String(n)} ${word}${n === 1 ? '' : 's'}`;

function reasonOf(error: FastifySchemaValidationError): string {
  const p = error.params;
  switch (error.keyword) {
    case 'required':
      return 'is required';
    case 'additionalProperties':
      return 'is not a known field';
    case 'minLength':
      return `must have at least ${plural(p.limit, 'character')}`;
    case 'maxLength':
      return `must have at most ${plural(p.limit, 'character')}`;
    case 'minimum':
      return `must be at least ${String(p.limit)}`;
    case 'maximum':
      return `must be at most ${String(p.limit)}`;
    case 'exclusiveMinimum':
      return `must be more than ${String(p.limit)}`;
    case 'exclusiveMaximum':
      return `must be less than ${String(p.limit)}`;
    case 'minItems':
      return `must have at least ${plural(p.limit, 'item')}`;
    case 'maxItems':
      return `must have at most ${plural(p.limit, 'item')}`;
    case 'type':
      return `must be ${article(String(p.type))}`;
    case 'pattern':
      return 'is not in the expected format';
    case 'format':
      return `must be a valid ${String(p.format)}`;
    case 'enum':
      return Array.isArray(p.allowedValues) ? `must be one of: ${p.allowedValues.map(String).join(', ')}` : 'is not one of the allowed values';
    case 'const':
      return `must be ${JSON.stringify(p.allowedValue)}`;
    case 'anyOf':
    case 'oneOf':
      return 'does not match any of the allowed forms';
    default:
      return error.message ?? 'is not valid';
  }
}

function article(type: string): string {
  const words = type.split(',').map((t) => (t === 'integer' ? 'a whole number' : t === 'null' ? 'null' : /^[aeiou]/u.test(t) ? `an ${t}` : `a ${t}`));
  return words.join(' or ');
}
