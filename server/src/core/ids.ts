const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids come from clients: one that is not a UUID names nothing, rather than failing in SQL. */
export function isUuid(id: string): boolean {
  return UUID.test(id);
}
