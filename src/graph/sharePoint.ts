// Graph paths for the school's SharePoint site. The site is addressed by hostname and path
// (`/sites/{hostname}:{sitePath}:`) so that a cold start needs no look-up round trip for its id.
import type { AppConfig } from '../config/appConfig';

export type SiteAddress = Pick<AppConfig['sharePoint'], 'hostname' | 'sitePath'>;

/** encodeURIComponent leaves ' ( ) * ! alone; OData reads ' as a string delimiter, so encode them. */
export function encodePathSegment(segment: string): string {
  return encodeURIComponent(segment).replace(
    /['()*!]/g,
    (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

export function sitePath(site: SiteAddress): string {
  const hostname = site.hostname.trim();
  if (!/^[A-Za-z0-9.-]+$/.test(hostname)) {
    throw new Error('SharePoint hostname must be a bare host name, e.g. contoso.sharepoint.com');
  }
  const segments = site.sitePath.split('/').filter((segment) => segment.length > 0);
  if (segments.length === 0) {
    throw new Error('SharePoint site path must name a site, e.g. /sites/ContactGuard');
  }
  return `/sites/${hostname}:/${segments.map(encodePathSegment).join('/')}:`;
}

export function listPath(site: SiteAddress, listName: string): string {
  if (listName.trim() === '') {
    throw new Error('SharePoint list name is empty');
  }
  return `${sitePath(site)}/lists/${encodePathSegment(listName)}`;
}

export function listItemsPath(site: SiteAddress, listName: string): string {
  return `${listPath(site, listName)}/items`;
}

export function listItemPath(site: SiteAddress, listName: string, itemId: string): string {
  return `${listItemsPath(site, listName)}/${encodePathSegment(itemId)}`;
}

export function listItemsDeltaPath(site: SiteAddress, listName: string): string {
  return `${listItemsPath(site, listName)}/delta`;
}
