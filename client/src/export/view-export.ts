/**
 * The tracks and transitions in view as files: GraphML (directed, keys for title/artist/version/plays on nodes and
 * weight/djs/first/last seen on edges) and two CSVs (nodes, edges). Pure: the store's records in, strings out.
 */
import type { TrackNode, TransitionEdge } from '../model/graph-types';
import { csvDocument, xmlEscape } from './text-formats';

const NODE_KEYS = [
  ['title', 'string'],
  ['artist', 'string'],
  ['version', 'string'],
  ['plays', 'int'],
] as const;
const EDGE_KEYS = [
  ['weight', 'int'],
  ['djs', 'int'],
  ['firstSeen', 'string'],
  ['lastSeen', 'string'],
] as const;

export function viewToGraphml(nodes: readonly TrackNode[], edges: readonly TransitionEdge[]): string {
  const data = (key: string, value: string | number | null) =>
    value === null ? [] : [`      <data key="${key}">${xmlEscape(value)}</data>`];
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    ...NODE_KEYS.map(([name, type]) => `  <key id="${name}" for="node" attr.name="${name}" attr.type="${type}"/>`),
    ...EDGE_KEYS.map(([name, type]) => `  <key id="${name}" for="edge" attr.name="${name}" attr.type="${type}"/>`),
    '  <graph id="songnodes" edgedefault="directed">',
    ...nodes.flatMap((node) => [
      `    <node id="t${xmlEscape(node.id)}">`,
      ...data('title', node.title),
      ...data('artist', node.artistCredit),
      ...data('version', node.version),
      ...data('plays', node.plays),
      '    </node>',
    ]),
    ...edges.flatMap((edge) => [
      `    <edge id="e${xmlEscape(edge.from)}-${xmlEscape(edge.to)}" source="t${xmlEscape(edge.from)}" target="t${xmlEscape(edge.to)}">`,
      ...data('weight', edge.weight),
      ...data('djs', edge.djs),
      ...data('firstSeen', edge.firstSeen),
      ...data('lastSeen', edge.lastSeen),
      '    </edge>',
    ]),
    '  </graph>',
    '</graphml>',
    '',
  ].join('\n');
}

export function nodesToCsv(nodes: readonly TrackNode[]): string {
  return csvDocument(
    ['id', 'artist', 'title', 'version', 'plays'],
    nodes.map((node) => [node.id, node.artistCredit, node.title, node.version, node.plays]),
  );
}

export function edgesToCsv(edges: readonly TransitionEdge[]): string {
  return csvDocument(
    ['from', 'to', 'weight', 'djs', 'first_seen', 'last_seen'],
    edges.map((edge) => [edge.from, edge.to, edge.weight, edge.djs, edge.firstSeen, edge.lastSeen]),
  );
}
