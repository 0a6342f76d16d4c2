import { ThemingConfig } from '../../schemas/consultation.js';

/** The theming defaults of a config that sets none; `brief eval themes` scores these. */
export const THEME_DEFAULTS = ThemingConfig.parse({});
