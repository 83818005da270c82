import memoizee from "memoizee";

export const computed = { count: 0 };

export class Tokenizer {
  #separator = " ";

  split = memoizee((/** @type {string} */ text) => {
    computed.count++;
    return text.split(",");
  }, { primitive: true });

  words = memoizee(
    /**
     * @this {Tokenizer}
     * @param {string} text
     */
    function (text) {
      return text.split(this.#separator);
    },
  );
}
