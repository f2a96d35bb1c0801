import { z } from 'zod';

/**
 * A full path the user typed: `/…` on macOS and Linux, `C:\…` or `\\server\…` on Windows. A
 * relative path would be read against wherever the app happened to start, so it is refused.
 */
export const absolutePathSchema = z
  .string()
  .trim()
  .max(1000)
  .regex(/^(\/|[A-Za-z]:[\\/]|\\\\)/, 'Type the full path, such as /home/sam/Documents.');
