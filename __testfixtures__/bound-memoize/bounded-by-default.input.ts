// Memoizers that keep a fixed, small number of results: reported as bounded, never rewritten.
import memoizeOne from "memoize-one";
import { memoize as microMemoize } from "micro-memoize";
import { memoize as proxyMemoize, memoizeWithArgs } from "proxy-memoize";
import { lruMemoize } from "reselect";

export const lastFilter = memoizeOne((items: string[], query: string) => items.filter((item) => item.includes(query)));

export const lastTotal = microMemoize((prices: number[]) => prices.reduce((sum, price) => sum + price, 0));

export const visibleTodos = proxyMemoize((state: { todos: { done: boolean }[] }) => state.todos.filter((todo) => !todo.done));

export const todoById = memoizeWithArgs((state: { todos: { id: number }[] }, id: number) => state.todos.find((todo) => todo.id === id), { size: 10 });

export const lastSum = lruMemoize((a: number, b: number) => a + b);
