// Any version, either case: ids come from crypto.randomUUID(), Postgres, or a
// person pasting one; Postgres's uuid type would refuse anything else.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True when `text` is a UUID: checked before it reaches a uuid column, where it would be an error. */
export const isUuid = (text: string): boolean => UUID.test(text);
