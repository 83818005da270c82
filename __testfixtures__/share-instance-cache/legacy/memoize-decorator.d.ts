// memoize-decorator ships no types.
declare module "memoize-decorator" {
  const memoize: (target: object, key: string, descriptor: PropertyDescriptor) => PropertyDescriptor;
  export default memoize;
}
