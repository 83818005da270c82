import memoizee from "memoizee";

export const computed = { count: 0 };
export const upstream = { calls: 0, failures: 0 };

async function query(sql: string): Promise<string[]> {
  upstream.calls++;
  if (upstream.failures > 0) {
    upstream.failures--;
    throw new Error(`query failed: ${sql}`);
  }
  return sql.split(" ");
}

function buildQuery(table: string, id: number): string {
  computed.count++;
  return `select * from ${table} where id = ${id}`;
}

// The promise mode drops a rejection one tick late: an immediate retry still gets it.
export const rowsOf = memoizee(
  async (table: string, id: number): Promise<number> => {
    const sql = buildQuery(table, id);
    const rows = await query(sql);
    return rows.length;
  },
  { promise: true },
);
