import type { IncomingMessage, ServerResponse } from 'node:http';
import { Refused } from './http_io';
import type { Principal, Role } from './storage/hub_store';

/** Who may call a route: anybody, or a token of one of these roles. */
export type Access = 'public' | readonly Role[];

export interface RouteRequest {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  /** The path's capture groups, URL-decoded (a malformed escape becomes ''). */
  params: string[];
}

export interface AuthorizedRequest extends RouteRequest {
  principal: Principal;
}

interface RouteBase {
  /** The methods this route answers; another method on its path gets 405 with `Allow`. */
  methods: readonly string[];
  /** Anchored pattern of the path; capture groups become `params`. */
  path: RegExp;
  /**
   * Terminal tokens must come from a current app (else 426). Off where an outdated terminal must still get
   * through: its update files, the desk's handled feed.
   */
  currentAppOnly?: boolean;
  /** Browser pages: a request without a token gets a Basic login prompt for this realm. */
  loginRealm?: string;
}

export type Route =
  | (RouteBase & { access: 'public'; handle(request: RouteRequest): Promise<void> | void })
  | (RouteBase & { access: readonly Role[]; handle(request: AuthorizedRequest): Promise<void> | void });

/** One row of a route table; the handler of a route with roles receives the checked principal. */
export function route<A extends Access>(
  definition: RouteBase & {
    access: A;
    handle(request: A extends 'public' ? RouteRequest : AuthorizedRequest): Promise<void> | void;
  },
): Route {
  return definition as Route;
}

/** Checks a request's token for a route: 401 / 403 / 426 / 429 are thrown as `Refused`. */
export type Authorizer = (
  req: IncomingMessage,
  route: Route & { access: readonly Role[] },
) => Promise<Principal>;

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return '';
  }
}

const MAX_URL = 2048;

/**
 * The hub's router over its route table: finds the route by path, answers 405 for another method, and
 * checks the role the route declares before its handler runs — a handler never sees a request whose token
 * may not call it.
 */
export function createRouter(routes: readonly Route[], authorize: Authorizer) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if ((req.url ?? '').length > MAX_URL) throw new Refused(414, 'uri_too_long');
    const url = new URL(req.url ?? '/', 'http://hub.invalid');
    const onPath = routes.filter((route) => route.path.test(url.pathname));
    if (onPath.length === 0) throw new Refused(404, 'not_found');
    const method = req.method ?? 'GET';
    const route = onPath.find((candidate) => candidate.methods.includes(method));
    if (!route) {
      const allow = [...new Set(onPath.flatMap((candidate) => candidate.methods))].join(', ');
      throw new Refused(405, 'method_not_allowed', {}, { allow });
    }
    const params = (route.path.exec(url.pathname) ?? []).slice(1).map((part) => safeDecode(part ?? ''));
    if (route.access === 'public') return route.handle({ req, res, url, params });
    const principal = await authorize(req, route);
    return route.handle({ req, res, url, params, principal });
  };
}
