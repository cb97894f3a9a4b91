import type { RouteObject } from 'react-router';

// The feature's staff pages (web/README.md), under /staff: lazy, so they cost the first load nothing.
export const routes: RouteObject[] = [];
