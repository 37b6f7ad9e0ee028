// `wit/worlds`: the worlds of the package a document belongs to, with the one under the cursor
// marked — what the client's build and run commands need to pick a world.

import { renderFunc } from '../../ide/render';
import { interfaceId } from '../../semantics/model';
import { WORLDS_REQUEST, type WorldInfo, type WorldsParams, type WorldsResult } from '../protocol';
import type { Session } from '../session';

export function registerWorlds(session: Session): void {
  session.connection.onRequest(WORLDS_REQUEST, async (p: WorldsParams): Promise<WorldsResult> => {
    const fa = await session.analyze(p.textDocument.uri);
    if (!fa) return { worlds: [] };
    const offset = p.position ? fa.index.offsetAt(p.position) : -1;
    const worlds: WorldInfo[] = [];
    for (const pkg of fa.unit.resolution.rootPackages.length ? fa.unit.resolution.rootPackages : fa.unit.resolution.packages) {
      for (const w of pkg.worlds.values()) {
        const file = session.fileIn(fa.unit, w.loc.file);
        if (!file) continue;
        worlds.push({
          name: w.name,
          package: pkg.id,
          uri: session.pathToUri(w.loc.file),
          range: session.toLspRange(w.loc.file, file.text, w.loc.range.start, w.loc.range.end),
          witFolder: fa.unit.root.endsWith('.wit') ? fa.unit.root.slice(0, fa.unit.root.lastIndexOf('/')) : fa.unit.root,
          atCursor: w.loc.file === fa.path && offset >= w.loc.range.start && offset <= w.loc.range.end,
          exports: [...w.exports.entries()].map(([key, item]) =>
            item.kind === 'func' ? { name: key, kind: 'func' as const, signature: renderFunc(item.func) } : { name: item.kind === 'interface' ? (item.label ?? interfaceId(item.iface)) : key, kind: 'interface' as const }),
          imports: [...w.imports.keys()],
        });
      }
    }
    return { worlds };
  });
}
