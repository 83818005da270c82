import _ from "lodash";
import { LRUCache } from "lru-cache";

export const computed = { count: 0 };

type Handler = (key: string) => string;
const handlers: Handler[] = [];

function register(handler: Handler): Handler {
  handlers.push(handler);
  return handler;
}

export const normalise = register(
  Object.assign(_.memoize((key: string) => {
    computed.count++;
    return key.normalize("NFC").toUpperCase();
  }), { cache: new LRUCache({ max: 500 }) }),
);
