import { connectBridge } from './connect';

/**
 * The Api, found (and the vault's state and the settings asked for) while the rest of the first
 * bundle is still being evaluated. `main.tsx` imports this module first, and a bundle evaluates modules in import
 * order, so the request is on its way before React's own code runs rather than after it.
 */
export const earlyConnection = connectBridge(window);
