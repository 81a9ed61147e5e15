import { routes } from '../routes';

/** The icon search engines show for the department (JSON-LD logo): the largest app icon. */
export const APP_ICON_PATH = routes.appIcon(512);
