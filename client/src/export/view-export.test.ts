import { DOMParser } from '@xmldom/xmldom';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { TrackNode, TransitionEdge } from '../model/graph-types';
import { edgesToCsv, nodesToCsv, viewToGraphml } from './view-export';

const nodes: TrackNode[] = [
  { id: '1', title: 'Range', version: null, artistCredit: 'Robert Hood', plays: 4 },
  { id: '2', title: 'Strobe', version: 'Dubfire Remix', artistCredit: 'Deadmau5 & "Friends"', plays: 2 },
];
const edges: TransitionEdge[] = [{ id: '1->2', from: '1', to: '2', weight: 3, djs: 2, firstSeen: '2010-01-02', lastSeen: null }];

describe('view export', () => {
  it('writes GraphML with declared keys for title, artist and weight', () => {
    const doc = new DOMParser().parseFromString(viewToGraphml(nodes, edges), 'text/xml') as unknown as Document;
    const root = doc.documentElement;
    expect(root.nodeName).toBe('graphml');
    const keys = Array.from(root.getElementsByTagName('key')).map((k) => `${k.getAttribute('for')}:${k.getAttribute('attr.name')}`);
    expect(keys).toEqual(expect.arrayContaining(['node:title', 'node:artist', 'edge:weight', 'edge:djs']));
    const graph = root.getElementsByTagName('graph')[0]!;
    expect(graph.getAttribute('edgedefault')).toBe('directed');
    const parsedNodes = Array.from(graph.getElementsByTagName('node'));
    expect(parsedNodes).toHaveLength(2);
    const dataOf = (el: Element) =>
      Object.fromEntries(Array.from(el.getElementsByTagName('data')).map((d) => [d.getAttribute('key'), d.textContent]));
    expect(dataOf(parsedNodes[1]!)).toEqual({ title: 'Strobe', artist: 'Deadmau5 & "Friends"', version: 'Dubfire Remix', plays: '2' });
    const [edge] = Array.from(graph.getElementsByTagName('edge'));
    expect([edge!.getAttribute('source'), edge!.getAttribute('target')]).toEqual([
      parsedNodes[0]!.getAttribute('id'),
      parsedNodes[1]!.getAttribute('id'),
    ]);
    expect(dataOf(edge!)).toEqual({ weight: '3', djs: '2', firstSeen: '2010-01-02' });
  });

  it('writes node and edge CSVs that parse back', () => {
    const parsedNodes = parse(nodesToCsv(nodes), { columns: true }) as Record<string, string>[];
    expect(parsedNodes).toEqual([
      { id: '1', artist: 'Robert Hood', title: 'Range', version: '', plays: '4' },
      { id: '2', artist: 'Deadmau5 & "Friends"', title: 'Strobe', version: 'Dubfire Remix', plays: '2' },
    ]);
    const parsedEdges = parse(edgesToCsv(edges), { columns: true }) as Record<string, string>[];
    expect(parsedEdges).toEqual([{ from: '1', to: '2', weight: '3', djs: '2', first_seen: '2010-01-02', last_seen: '' }]);
  });
});
