// /me/outlook/masterCategories and /users/{id}/outlook/masterCategories: a mailbox's master
// category list (GET list, POST, GET one, PATCH colour, DELETE), with Graph's shapes. A category's
// displayName is unique in the list (case-insensitive) and cannot be changed after creation.
import { randomUUID } from 'node:crypto';
import { GraphError, invalidRequest } from './graphErrors';
import { type GraphRequest, type GraphResponse, ok } from './graphRequest';
import type { StoredMailbox } from './mailStore';

type Category = StoredMailbox['masterCategories'][number];

function render(c: Category): Record<string, unknown> {
  return { id: c.id, displayName: c.displayName, color: c.color };
}

function notFound(): GraphError {
  return new GraphError(
    404,
    'ErrorItemNotFound',
    'The specified object was not found in the store.',
  );
}

function methodNotAllowed(): GraphError {
  return new GraphError(
    405,
    'Request_BadRequest',
    'The HTTP method is not supported for this resource.',
  );
}

/** `tail` is what follows `outlook/masterCategories` in the path. */
export function handleMasterCategories(
  req: GraphRequest,
  mailbox: StoredMailbox,
  tail: string[],
): GraphResponse {
  const list = mailbox.masterCategories;
  const [categoryId, more] = tail;
  if (more !== undefined)
    throw new GraphError(400, 'BadRequest', `Resource not found for the segment '${more}'.`);
  if (categoryId === undefined) {
    if (req.method === 'GET') return ok({ value: list.map(render) });
    if (req.method !== 'POST') throw methodNotAllowed();
    const body = req.body as { displayName?: unknown; color?: unknown };
    const name = typeof body.displayName === 'string' ? body.displayName.trim() : '';
    if (name === '') throw invalidRequest('The category needs a displayName.');
    if (list.some((c) => c.displayName.toLowerCase() === name.toLowerCase())) {
      // Exchange refuses a second category with the same name.
      throw new GraphError(
        409,
        'ErrorDuplicateCategory',
        'A category with this name already exists.',
      );
    }
    const created: Category = {
      id: randomUUID(),
      displayName: name,
      color: typeof body.color === 'string' ? body.color : 'none',
    };
    list.push(created);
    return { status: 201, body: render(created) };
  }
  const index = list.findIndex((c) => c.id === categoryId);
  const category = list[index];
  if (!category) throw notFound();
  if (req.method === 'GET') return ok(render(category));
  if (req.method === 'DELETE') {
    list.splice(index, 1);
    return { status: 204 };
  }
  if (req.method !== 'PATCH') throw methodNotAllowed();
  const body = req.body as { displayName?: unknown; color?: unknown };
  if (body.displayName !== undefined && body.displayName !== category.displayName) {
    throw invalidRequest("A category's displayName cannot be changed after it is created.");
  }
  if (typeof body.color === 'string') category.color = body.color;
  return ok(render(category));
}
