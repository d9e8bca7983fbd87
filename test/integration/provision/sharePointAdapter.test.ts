// The PnPjs composition for Node (tools/lib/sharePointPermissions.ts), seen from the server: what
// each call sends (URL shape, method, headers, body), that the token is asked for on every request,
// that no request digest is fetched (paths in PnPjs's own casing: SharePoint ignores case), and that a refusal becomes a plain error without its body.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TokenProvider } from '../../../src/auth/tokenProvider';
import {
  SharePointError,
  SharePointPermissions,
  sharePointForNode,
} from '../../../tools/lib/sharePointPermissions';
import { CUSTOM_ROLE_DEFINITIONS } from '../../../src/graph/schema/permissionPlan';

interface Seen {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

let server: http.Server;
let base: string;
const seen: Seen[] = [];
let answer: (req: Seen) => { status: number; body?: unknown } = () => ({ status: 200, body: {} });

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const s: Seen = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body };
      seen.push(s);
      const { status, body: out } = answer(s);
      res.writeHead(status, { 'content-type': 'application/json;odata=nometadata' });
      res.end(out === undefined ? '' : JSON.stringify(out));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/sites/ContactGuard`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  seen.length = 0;
  answer = () => ({ status: 200, body: {} });
});

function adapter(tokens: string[] = ['t1', 't2', 't3', 't4']) {
  let i = 0;
  const provider: TokenProvider = {
    method: 'environment',
    getAccessToken: () => Promise.resolve(tokens[Math.min(i++, tokens.length - 1)]!),
  };
  return new SharePointPermissions(sharePointForNode(base, provider));
}

it('sends each call as PnPjs shapes it, with a fresh bearer token and no request digest', async () => {
  const sp = adapter();
  answer = (r) =>
    /roleassignments/i.test(r.url)
      ? { status: 200, body: { value: [] } }
      : {
          status: 200,
          body: {
            HasUniqueRoleAssignments: true,
            ReadSecurity: 1,
            WriteSecurity: 1,
            EnableVersioning: false,
          },
        };
  await sp.readList("Parents' Contact Events");
  await sp.breakInheritance('Contact Events');
  await sp.addAssignment('Contact Events', 7, 1073741827);
  await sp.updateList('Contact Events', { ReadSecurity: 2 });

  expect(seen.map((s) => `${s.method} ${decodeURIComponent(s.url)}`)).toEqual([
    "GET /sites/ContactGuard/_api/web/lists/getByTitle('Parents'' Contact Events')?$select=HasUniqueRoleAssignments,ReadSecurity,WriteSecurity,EnableVersioning",
    "GET /sites/ContactGuard/_api/web/lists/getByTitle('Parents'' Contact Events')/roleAssignments?$expand=Member,RoleDefinitionBindings",
    "POST /sites/ContactGuard/_api/web/lists/getByTitle('Contact Events')/breakroleinheritance(copyroleassignments=false, clearsubscopes=true)",
    "POST /sites/ContactGuard/_api/web/lists/getByTitle('Contact Events')/roleAssignments/addroleassignment(principalid=7, roledefid=1073741827)",
    "POST /sites/ContactGuard/_api/web/lists/getByTitle('Contact Events')",
  ]);
  expect(seen.map((s) => s.headers.authorization)).toEqual([
    'Bearer t1',
    'Bearer t2',
    'Bearer t3',
    'Bearer t4',
    'Bearer t4',
  ]);
  expect(seen.some((s) => /contextinfo/i.test(s.url) || s.headers['x-requestdigest'])).toBe(false);
  expect(seen[0]!.headers.accept).toBe('application/json');
  const merge = seen[4]!;
  expect(merge.headers['x-http-method']).toBe('MERGE');
  expect(merge.headers['if-match']).toBe('*');
  expect(JSON.parse(merge.body)).toEqual({ ReadSecurity: 2 });
});

it('creates a permission level with its BasePermissions as strings, as SharePoint reads Int64', async () => {
  answer = () => ({ status: 201, body: { Id: 1100 } });
  const [definition] = CUSTOM_ROLE_DEFINITIONS;
  await adapter().addRoleDefinition(definition!, 100);
  expect(seen[0]!.url).toBe('/sites/ContactGuard/_api/web/roleDefinitions');
  expect(JSON.parse(seen[0]!.body)).toEqual({
    BasePermissions: { High: '176', Low: String(138612833 + 2) },
    Description: definition!.description,
    Name: 'Contact Guard - Add and read',
    Order: 100,
  });
});

it('asks ensureuser for a group and reads back its id', async () => {
  answer = () => ({
    status: 200,
    body: { Id: 12, LoginName: 'c:0t.c|tenant|x', Title: 'Oakfield Staff', PrincipalType: 4 },
  });
  expect(await adapter().ensurePrincipal('c:0t.c|tenant|x')).toBe(12);
  expect(seen[0]!.url).toBe('/sites/ContactGuard/_api/web/ensureuser');
  expect(JSON.parse(seen[0]!.body)).toEqual({ logonName: 'c:0t.c|tenant|x' });
});

it('a non-owner: effective permissions without ManagePermissions, and 403 in plain words without the body', async () => {
  answer = () => ({ status: 200, body: { High: '432', Low: '1011030767' } });
  expect(await adapter().canManagePermissions()).toBe(false);
  expect(seen[0]!.url).toBe('/sites/ContactGuard/_api/web/EffectiveBasePermissions');
  answer = () => ({ status: 200, body: { High: '2147483647', Low: '4294967295' } });
  expect(await adapter().canManagePermissions()).toBe(true);

  answer = () => ({
    status: 403,
    body: {
      'odata.error': {
        code: '-2147024891, System.UnauthorizedAccessException',
        message: { lang: 'en-US', value: 'Access denied. reception@oakfield.sch.uk' },
      },
    },
  });
  const refused = adapter().breakInheritance('Contact Events');
  await expect(refused).rejects.toThrow(SharePointError);
  await expect(adapter().breakInheritance('Contact Events')).rejects.toThrow(
    /^you must be a site owner of the Contact Guard site/,
  );
  await expect(adapter().breakInheritance('Contact Events')).rejects.not.toThrow(/reception@/);
});

it('a missing list reads as null (404), not as an error', async () => {
  answer = () => ({
    status: 404,
    body: {
      'odata.error': {
        code: '-1, System.ArgumentException',
        message: { lang: 'en-US', value: 'List does not exist.' },
      },
    },
  });
  expect(await adapter().readList('Contact Events')).toBeNull();
});

it('where EffectiveBasePermissions is not served, owners are told by reading the site role assignments', async () => {
  const refused = {
    status: 403,
    body: {
      'odata.error': { code: '-2147024891', message: { lang: 'en-US', value: 'Access denied.' } },
    },
  };
  const missing = {
    status: 400,
    body: {
      'odata.error': { code: '-1', message: { lang: 'en-US', value: 'Resource not found' } },
    },
  };
  answer = (r) => (/EffectiveBasePermissions/.test(r.url) ? missing : refused);
  expect(await adapter().canManagePermissions()).toBe(false);
  expect(seen.map((s) => decodeURIComponent(s.url))).toEqual([
    '/sites/ContactGuard/_api/web/EffectiveBasePermissions',
    '/sites/ContactGuard/_api/web/roleAssignments?$select=PrincipalId&$top=1',
  ]);
  answer = (r) =>
    /EffectiveBasePermissions/.test(r.url) ? missing : { status: 200, body: { value: [] } };
  expect(await adapter().canManagePermissions()).toBe(true);
});
