import moize from "moize";

export const computed = { count: 0 };
export const upstream = { calls: 0, failures: 0 };

interface Repository {
  owner: { login: string };
}

async function download(path: string): Promise<string> {
  upstream.calls++;
  if (upstream.failures > 0) {
    upstream.failures--;
    throw new Error(`download of ${path} failed`);
  }
  return `# ${path}`;
}

async function fetchRepository(name: string): Promise<Repository> {
  upstream.calls++;
  computed.count++;
  if (upstream.failures > 0) {
    upstream.failures--;
    throw new Error(`no repository ${name}`);
  }
  return { owner: { login: name.split("/")[0] ?? name } };
}

function render(markdown: string): string {
  computed.count++;
  return `<h1>${markdown.slice(2)}</h1>`;
}

const pageCore = moize((markdown: string) => render(markdown), { maxSize: 500 });

export const page = async (path: string) => {
  const markdown = await download(path);
  return pageCore(markdown);
};

// Only a property read follows the await: moize's own promise mode, bounded.
export const ownerOf = moize(async (name: string) => {
  const repository = await fetchRepository(name);
  return repository.owner.login;
}, { isPromise: true, maxSize: 500 });
