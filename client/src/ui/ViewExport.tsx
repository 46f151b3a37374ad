import type { GraphStore } from '../model/graph-store';
import { edgesToCsv, nodesToCsv, viewToGraphml } from '../export/view-export';
import { downloadText, downloadUrl } from './download';

interface ViewExportProps {
  store: GraphStore;
  minWeight: number;
  toPngDataUrl(): string | null;
}

/** The view as files: a PNG of the canvas, GraphML, and CSVs of the tracks and transitions drawn. */
export function ViewExport({ store, minWeight, toPngDataUrl }: ViewExportProps) {
  const inView = () => {
    const nodes = store
      .nodeIds()
      .map((id) => store.getNode(id))
      .filter((node) => node !== undefined);
    const edges = store.edgeList().edges.filter((edge) => edge.weight >= minWeight);
    return { nodes, edges };
  };
  return (
    <section className="panel" aria-labelledby="view-export-title">
      <h2 id="view-export-title">Export the view</h2>
      <div className="button-row">
        <button
          type="button"
          onClick={() => {
            const url = toPngDataUrl();
            if (url) downloadUrl('songnodes-view.png', url);
          }}
        >
          PNG
        </button>
        <button
          type="button"
          onClick={() => {
            const { nodes, edges } = inView();
            downloadText('songnodes-view.graphml', 'application/graphml+xml', viewToGraphml(nodes, edges));
          }}
        >
          GraphML
        </button>
        <button type="button" onClick={() => downloadText('songnodes-tracks.csv', 'text/csv', nodesToCsv(inView().nodes))}>
          Tracks CSV
        </button>
        <button type="button" onClick={() => downloadText('songnodes-transitions.csv', 'text/csv', edgesToCsv(inView().edges))}>
          Transitions CSV
        </button>
      </div>
    </section>
  );
}
