import {
  encodePathSegment,
  listItemPath,
  listItemsDeltaPath,
  listPath,
  sitePath,
} from '../../../src/graph/sharePoint';

const site = { hostname: 'oakfield.sharepoint.com', sitePath: '/sites/ContactGuard' };

describe('SharePoint paths', () => {
  it('addresses the site by host name and path, with no look-up', () => {
    expect(sitePath(site)).toBe('/sites/oakfield.sharepoint.com:/sites/ContactGuard:');
    expect(sitePath({ ...site, sitePath: 'sites/ContactGuard/' })).toBe(
      '/sites/oakfield.sharepoint.com:/sites/ContactGuard:',
    );
  });

  it('encodes list names with spaces and apostrophes', () => {
    expect(listPath(site, 'Contact Restrictions')).toBe(
      '/sites/oakfield.sharepoint.com:/sites/ContactGuard:/lists/Contact%20Restrictions',
    );
    expect(listPath(site, "Head's List (2025)")).toBe(
      '/sites/oakfield.sharepoint.com:/sites/ContactGuard:/lists/Head%27s%20List%20%282025%29',
    );
    expect(decodeURIComponent(encodePathSegment("O'Brien & Sons?#/"))).toBe("O'Brien & Sons?#/");
    expect(encodePathSegment("O'Brien & Sons?#/")).not.toMatch(/[ '&?#/]/);
  });

  it('builds item and delta paths', () => {
    expect(listItemsDeltaPath(site, 'Contact Restrictions')).toBe(
      '/sites/oakfield.sharepoint.com:/sites/ContactGuard:/lists/Contact%20Restrictions/items/delta',
    );
    expect(listItemPath(site, 'Contact Restrictions', '12')).toMatch(/\/items\/12$/);
  });

  it('rejects a host name with a path or scheme, and an empty site or list', () => {
    expect(() => sitePath({ ...site, hostname: 'https://oakfield.sharepoint.com' })).toThrow();
    expect(() => sitePath({ ...site, sitePath: '/' })).toThrow();
    expect(() => listPath(site, ' ')).toThrow();
  });
});
