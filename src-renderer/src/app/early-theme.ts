import { applyRememberedTheme } from './theme-hint';

// Evaluated first of all the page's code (main.tsx imports it first): the first frame the
// browser paints, before the host has said which theme is chosen, is already in the last one.
applyRememberedTheme();
