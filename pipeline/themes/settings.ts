/** Tuned defaults of the offline theming, shared by the themes stage and `brief eval themes`. */
export const THEME_DEFAULTS = {
  maxThemes: 12,
  minThemeSize: 3,
  maxSubthemes: 6,
  guidedThreshold: 0,
  guidedSecondMargin: 0.05,
} as const;
