/** `STILLROOM_PORT`: unset or empty means "any free port" (0). */
export function parsePort(raw: string | undefined): number | undefined {
  if (raw === undefined || raw.trim() === '') return 0;
  if (!/^\d{1,5}$/.test(raw.trim())) return undefined;
  const port = Number(raw.trim());
  return port <= 65535 ? port : undefined;
}
