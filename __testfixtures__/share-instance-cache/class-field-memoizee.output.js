import memoizee from "memoizee";

export const computed = { count: 0 };

const tokenizerSplit = memoizee((/** @type {string} */ text) => {
  computed.count++;
  return text.split(",");
}, { primitive: true, max: 500 });

export class Tokenizer {
  #separator = " ";

  split = tokenizerSplit;

  words = memoizee(
    /**
     * @this {Tokenizer}
     * @param {string} text
     */
    function (text) {
      return text.split(this.#separator);
    }, { max: 500 },
  );
}
