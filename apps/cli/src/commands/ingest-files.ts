import { readdir, realpath, stat } from 'node:fs/promises';
import { basename, extname, relative, resolve, sep } from 'node:path';

/** File types the API ingests, by extension, with the type the upload declares. */
const MEDIA_TYPES: Readonly<Record<string, string>> = {
  '.md': 'text/markdown',
  '.markdown': 'text/markdown',
  '.txt': 'text/plain',
  '.html': 'text/html',
  '.htm': 'text/html',
  '.pdf': 'application/pdf',
};
export const SUPPORTED_EXTENSIONS = Object.keys(MEDIA_TYPES);

/** Directory entries a walk leaves out: hidden ones (.git, .DS_Store, ...) and node_modules. */
function walkSkips(name: string): boolean {
  return name.startsWith('.') || name === 'node_modules';
}

/** A file found under the paths given. */
export interface FoundFile {
  /** Absolute path. */
  readonly path: string;
  /** Path relative to the root it was found under, with `/` separators; a file given directly: its name. */
  readonly sourceName: string;
  readonly fileName: string;
  /** The file name without its extension. */
  readonly title: string;
  /** Undefined when the type is not one the API ingests. */
  readonly mediaType: string | undefined;
}

/** A path given on the command line that does not exist or cannot be read. */
export class PathError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PathError';
  }
}

/**
 * Every file under `paths` (files as they are, directories recursively), supported or not,
 * in a stable order. Symbolic links are followed; a directory reached twice is walked once.
 */
export async function collectFiles(paths: readonly string[], cwd: string = process.cwd()): Promise<FoundFile[]> {
  const found: FoundFile[] = [];
  const seenFiles = new Set<string>();
  const seenDirectories = new Set<string>();
  const add = async (path: string, root: string | undefined) => {
    const real = await realpath(path);
    if (seenFiles.has(real)) return;
    seenFiles.add(real);
    found.push(describe(path, root === undefined ? basename(path) : relative(root, path)));
  };
  const walk = async (directory: string, root: string) => {
    const real = await realpath(directory);
    if (seenDirectories.has(real)) return;
    seenDirectories.add(real);
    const entries = (await readdir(directory, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (walkSkips(entry.name)) continue;
      const path = resolve(directory, entry.name);
      // A Dirent of a symbolic link does not say what it points to; stat follows it (a broken link is left out).
      const target = entry.isSymbolicLink() ? await stat(path).catch(() => undefined) : entry;
      if (target?.isDirectory()) await walk(path, root);
      else if (target?.isFile()) await add(path, root);
    }
  };

  for (const given of paths) {
    const path = resolve(cwd, given);
    let info;
    try {
      info = await stat(path);
    } catch (error) {
      const code = (error as { code?: string }).code;
      throw new PathError(code === 'ENOENT' ? `no such file or directory: ${given}` : `cannot read ${given} (${code ?? String(error)})`);
    }
    if (info.isDirectory()) await walk(path, path);
    else if (info.isFile()) await add(path, undefined);
    else throw new PathError(`not a file or directory: ${given}`);
  }
  return found;
}

function describe(path: string, relativePath: string): FoundFile {
  const fileName = basename(path);
  const extension = extname(fileName).toLowerCase();
  return {
    path,
    sourceName: relativePath.split(sep).join('/'),
    fileName,
    title: extension ? fileName.slice(0, -extension.length) || fileName : fileName,
    mediaType: MEDIA_TYPES[extension],
  };
}
