import type { Express } from 'express';

export interface MountedRoute {
  method: string;
  /** The path as the router has it, `:params` and all. */
  path: string;
}

// What router 2.x (Express 5) keeps of each layer: a route with its methods,
// or a nested router (its own stack) mounted at `rawPath`.
interface Layer {
  rawPath?: unknown;
  route?: { path: unknown; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
}

function walk(stack: readonly Layer[], prefix: string, found: MountedRoute[]): void {
  for (const layer of stack) {
    if (layer.route) {
      if (typeof layer.route.path !== 'string') throw new Error(`a route with a non-string path under ${prefix || '/'}: list it by hand`);
      for (const [method, on] of Object.entries(layer.route.methods)) {
        if (on) found.push({ method: method === '_all' ? 'ALL' : method.toUpperCase(), path: prefix + layer.route.path });
      }
    } else if (layer.handle?.stack) {
      const mountedAt = typeof layer.rawPath === 'string' && layer.rawPath !== '/' ? layer.rawPath : '';
      walk(layer.handle.stack, prefix + mountedAt, found);
    }
  }
}

/** Every method and path the app's routers answer, nested routers included (Express 5's router internals). */
export function mountedRoutes(app: Express): MountedRoute[] {
  const found: MountedRoute[] = [];
  walk((app as unknown as { router: { stack: Layer[] } }).router.stack, '', found);
  return found;
}
