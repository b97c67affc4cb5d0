import { z } from 'zod';
import { operationsTagged, type ApiOperation } from '../openapi/api-operation';

export const apiDocsApi: ApiOperation[] = operationsTagged('public', [
  {
    id: 'getOpenApiDocument',
    route: 'GET /api/v1/openapi.json',
    summary: 'This document: the HTTP API in OpenAPI 3.1',
    responses: {
      200: z.looseObject({ openapi: z.string(), info: z.looseObject({ title: z.string(), version: z.string() }), paths: z.record(z.string(), z.unknown()) }).meta({ description: 'An OpenAPI 3.1 document.' }),
    },
  },
]);
