import type { FastifyError, FastifyInstance } from 'fastify';
import { ZodError } from 'zod';
import type { ErrorBody } from '../../shared/sync/wire';
import { HttpError } from './http-error';

type Issues = NonNullable<ErrorBody['error']['issues']>;

function zodIssues(error: ZodError): Issues {
  return error.issues.slice(0, 50).map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
}

/** Maps every failure to `{ error: { code, message, issues? } }`; only unexpected ones are logged, and no stack reaches a client. */
export function installErrorHandling(app: FastifyInstance): void {
  app.setNotFoundHandler((request, reply) => {
    void reply
      .code(404)
      .send({ error: { code: 'not_found', message: `No route ${request.method} ${request.url.split('?')[0]}` } } satisfies ErrorBody);
  });

  app.setErrorHandler((rawError, request, reply) => {
    const error = rawError as FastifyError & Error;
    const send = (status: number, body: ErrorBody & Record<string, unknown>) => reply.code(status).send(body);
    if (error instanceof HttpError) {
      if (error.headers) void reply.headers(error.headers);
      return send(error.statusCode, { ...error.extra, error: { code: error.code, message: error.message } });
    }
    if (error instanceof ZodError) {
      return send(400, { error: { code: 'validation', message: 'The request does not match the protocol.', issues: zodIssues(error) } });
    }
    switch (error.code) {
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
        return send(400, { error: { code: 'malformed_json', message: 'The request body is not valid JSON.' } });
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return send(413, { error: { code: 'too_large', message: 'The request body is too large.' } });
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
        return send(415, { error: { code: 'unsupported_media_type', message: error.message } });
      default:
        break;
    }
    if (error instanceof SyntaxError && error.statusCode === 400) {
      return send(400, { error: { code: 'malformed_json', message: 'The request body is not valid JSON.' } });
    }
    if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) {
      return send(error.statusCode, { error: { code: 'bad_request', message: error.message } });
    }
    request.log.error({ err: error }, 'request failed');
    return send(500, { error: { code: 'internal', message: 'The server failed to handle this request; it was logged.' } });
  });
}
