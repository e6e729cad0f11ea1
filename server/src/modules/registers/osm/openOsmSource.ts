import { spawn } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { RegisterImportError } from '../RegisterImportError';

/** OSM XML text of a .osm.pbf file, from `osmium cat` (osmium-tool), streamed. */
async function* osmiumXml(path: string): AsyncGenerator<string> {
  const child = spawn('osmium', ['cat', path, '-f', 'osm', '-o', '-'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d.slice(0, 500)));
  const exited = new Promise<number>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve(code ?? 1));
  });
  try {
    for await (const chunk of child.stdout.setEncoding('utf8')) yield chunk as string;
    const code = await exited;
    if (code !== 0)
      throw new RegisterImportError(path, null, `osmium cannot read it (${stderr.trim().split('\n')[0]})`);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new RegisterImportError(path, null, 'reading .osm.pbf needs osmium (apt install osmium-tool)');
    }
    throw err;
  } finally {
    child.kill();
  }
}

/** An OSM file as OSM XML text in chunks: .osm read directly, .osm.pbf through osmium. */
export async function openOsmSource(path: string): Promise<AsyncIterable<string>> {
  const info = await stat(path).catch(() => null);
  if (!info?.isFile()) throw new RegisterImportError(path, null, 'no such file');
  return path.toLowerCase().endsWith('.pbf')
    ? osmiumXml(path)
    : (createReadStream(path, { encoding: 'utf8', highWaterMark: 256 * 1024 }) as AsyncIterable<string>);
}
