import type { RouteObject } from 'react-router';
import { HomePage } from './pages/home-page';

// The home page is the one page loaded with the app (kept light: no charts); every other page is lazy.
export const routes: RouteObject[] = [{ path: '/', Component: HomePage }];
