import _ from "lodash";

export const computed = { count: 0 };

type Handler = (key: string) => string;
const handlers: Handler[] = [];

function register(handler: Handler): Handler {
  handlers.push(handler);
  return handler;
}

export const normalise = register(
  _.memoize((key: string) => {
    computed.count++;
    return key.normalize("NFC").toUpperCase();
  }),
);
