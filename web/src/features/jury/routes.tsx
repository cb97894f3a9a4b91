import type { RouteObject } from 'react-router';

// This feature's pages are added here (paths in web/README.md).
export const routes: RouteObject[] = [];
