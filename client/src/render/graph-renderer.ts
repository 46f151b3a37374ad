/**
 * The PixiJS renderer (STYLE.md item 9): reads the GraphStore, turns it and the view state into a DrawModel
 * (pure reducer), and draws everything with two batched meshes plus a small label layer — at most once per
 * animation frame, and only when something changed. React never draws; it calls setView and listens.
 */
import { Application, Container, RendererType } from 'pixi.js';
import type { GraphStore } from '../model/graph-store';
import { fitPoints, INITIAL_CAMERA, screenToWorld, worldToScreen, type Camera, type Viewport } from './camera';
import { buildDrawModel, FLASH_MS, type DrawModel } from './draw-model';
import { FrameStats } from './frame-stats';
import { GraphMeshes } from './graph-meshes';
import { pickEdgeAt, pickNodeAt } from './hit-test';
import { estimateLabelWidth, LABEL_LINE_HEIGHT, LabelLayer, labelTextOf } from './label-layer';
import { pickLabels } from './label-picker';
import { drawnRadius } from './mesh-geometry';
import { PALETTE } from './palette';

/** The UI state the drawing depends on. */
export interface RenderView {
  centreId: string | null;
  selectedIds: ReadonlySet<string>;
  selectedEdgeId: string | null;
  pathNodeIds: ReadonlySet<string>;
  pathEdgeIds: ReadonlySet<string>;
  minWeight: number;
}

export const EMPTY_VIEW: RenderView = {
  centreId: null,
  selectedIds: new Set(),
  selectedEdgeId: null,
  pathNodeIds: new Set(),
  pathEdgeIds: new Set(),
  minWeight: 1,
};

/** Hit tolerance around small tracks and thin transitions, in screen pixels. */
const HIT_TOLERANCE_PX = 6;

export class GraphRenderer {
  readonly stats = new FrameStats();
  /** while true the camera follows the layout (fits everything); any pan or zoom by the user ends it */
  followLayout = true;
  private readonly world = new Container();
  readonly meshes = new GraphMeshes();
  private readonly labels: LabelLayer;
  private readonly labelTexts = new Map<string, string>();
  private readonly unsubscribe: () => void;
  private readonly resizeObserver: ResizeObserver;
  private view: RenderView = EMPTY_VIEW;
  private hoverId: string | null = null;
  private model: DrawModel | null = null;
  private modelDirty = true;
  private camera: Camera = INITIAL_CAMERA;
  private frameRequest: number | null = null;
  private destroyed = false;
  /** called after each drawn frame with its main-thread duration */
  onFrame: ((durationMs: number) => void) | null = null;

  private constructor(
    private readonly app: Application,
    private readonly host: HTMLElement,
    private readonly store: GraphStore,
  ) {
    this.world.addChild(this.meshes.container);
    app.stage.addChild(this.world);
    this.labels = new LabelLayer(host);
    this.unsubscribe = store.subscribe((change) => {
      if (change !== 'positions') this.modelDirty = true;
      if (change === 'structure' && store.nodeCount === 0) this.labelTexts.clear();
      this.requestFrame();
    });
    this.resizeObserver = new ResizeObserver(() => this.resize());
    this.resizeObserver.observe(host);
  }

  /** Creates the WebGL renderer inside `host` (which it fills). Rejects when WebGL is unavailable. */
  static async create(host: HTMLElement, store: GraphStore): Promise<GraphRenderer> {
    const app = new Application();
    await app.init({
      preference: 'webgl',
      failIfMajorPerformanceCaveat: false,
      antialias: true,
      background: PALETTE.background,
      width: Math.max(host.clientWidth, 1),
      height: Math.max(host.clientHeight, 1),
      resolution: Math.min(window.devicePixelRatio || 1, 2),
      autoDensity: true,
      autoStart: false,
      sharedTicker: false,
      eventFeatures: { move: false, globalMove: false, click: false, wheel: false },
    });
    if (app.renderer.type !== RendererType.WEBGL) {
      app.destroy(true);
      throw new Error('WebGL is not available in this browser');
    }
    app.canvas.setAttribute('aria-hidden', 'true');
    host.appendChild(app.canvas);
    const renderer = new GraphRenderer(app, host, store);
    renderer.meshes.prime(app.renderer, app.stage);
    return renderer;
  }

  get canvas(): HTMLCanvasElement {
    return this.app.canvas;
  }

  setView(view: RenderView): void {
    this.view = view;
    this.modelDirty = true;
    this.requestFrame();
  }

  setHover(id: string | null): void {
    if (id === this.hoverId) return;
    this.hoverId = id;
    this.modelDirty = true;
    this.requestFrame();
  }

  getCamera(): Camera {
    return this.camera;
  }

  setCamera(camera: Camera, byUser = true): void {
    if (byUser) this.followLayout = false;
    this.camera = camera;
    this.requestFrame();
  }

  viewport(): Viewport {
    return { width: this.app.screen.width, height: this.app.screen.height };
  }

  /** Fits every track into view and follows the layout again. */
  fit(): void {
    this.followLayout = true;
    this.requestFrame();
  }

  /** Schedules one frame; any number of calls before it runs draw once. */
  requestFrame(): void {
    if (this.frameRequest !== null || this.destroyed) return;
    this.frameRequest = requestAnimationFrame(() => this.frame());
  }

  /** The track under a screen point (CSS pixels relative to the canvas), or null. */
  nodeAt(sx: number, sy: number): string | null {
    const model = this.currentModel();
    const [x, y] = this.toWorld(sx, sy);
    const radius = model.nodeRadius.map((r) => drawnRadius(r, this.camera.zoom));
    const slot = pickNodeAt(x, y, this.store.positions.buffer, radius, this.store.positions.size, HIT_TOLERANCE_PX / this.camera.zoom);
    return slot < 0 ? null : (this.store.nodeIds()[slot] ?? null);
  }

  /** The transition under a screen point, as its id, or null. */
  edgeAt(sx: number, sy: number): string | null {
    const model = this.currentModel();
    const [x, y] = this.toWorld(sx, sy);
    const { edges, ends } = this.store.edgeList();
    const frame = {
      visible: model.visibleEdges,
      ends,
      xy: this.store.positions.buffer,
      width: model.edgeWidth,
      hasReverse: model.edgeHasReverse,
      zoom: this.camera.zoom,
    };
    const index = pickEdgeAt(x, y, frame, HIT_TOLERANCE_PX / this.camera.zoom);
    return index < 0 ? null : (edges[index]?.id ?? null);
  }

  /** Where a track is drawn (CSS pixels relative to the canvas), or null when it is not in the store. */
  screenPositionOf(id: string): [number, number] | null {
    const position = this.store.positions.get(id);
    return position ? worldToScreen(this.camera, this.viewport(), position[0], position[1]) : null;
  }

  /** Draws a frame now and returns the canvas as a PNG data URL (the WebGL buffer is read before it is cleared). */
  toPngDataUrl(): string {
    if (this.frameRequest !== null) cancelAnimationFrame(this.frameRequest);
    this.frame();
    return this.app.canvas.toDataURL('image/png');
  }

  destroy(): void {
    this.destroyed = true;
    if (this.frameRequest !== null) cancelAnimationFrame(this.frameRequest);
    this.unsubscribe();
    this.resizeObserver.disconnect();
    this.meshes.destroy();
    this.labels.destroy();
    this.app.destroy(true, { children: true });
  }

  private frame(): void {
    this.frameRequest = null;
    if (this.destroyed) return;
    const started = performance.now();
    const model = this.currentModel();
    const count = this.store.positions.size;
    const xy = this.store.positions.buffer;
    if (this.followLayout && count > 0) this.camera = fitPoints(this.camera, this.viewport(), xy, count);
    this.meshes.applyPositions(model, this.store.edgeList().ends, xy, this.camera.zoom);
    const { width, height } = this.viewport();
    this.world.scale.set(this.camera.zoom);
    this.world.position.set(width / 2 - this.camera.x * this.camera.zoom, height / 2 - this.camera.y * this.camera.zoom);
    this.drawLabels(model);
    this.app.renderer.render(this.app.stage);
    const duration = performance.now() - started;
    this.stats.record(duration);
    this.onFrame?.(duration);
    if (model.flashing) {
      this.modelDirty = true;
      this.requestFrame();
    }
  }

  /** The draw model for the current store and view, rebuilt (and its colours uploaded) only when stale. */
  private currentModel(): DrawModel {
    if (this.model && !this.modelDirty && this.model.nodeRadius.length === this.store.positions.size) return this.model;
    const now = Date.now();
    this.store.expireChanges(now - FLASH_MS);
    const { edges } = this.store.edgeList();
    this.model = buildDrawModel({
      ids: this.store.nodeIds(),
      nodeOf: (id) => this.store.getNode(id),
      edges,
      ...this.view,
      hoverId: this.hoverId,
      changedAtOf: (id) => this.store.changedAtOf(id),
      now,
    });
    this.meshes.applyStyle(this.model, this.store.positions.size);
    this.modelDirty = false;
    return this.model;
  }

  private drawLabels(model: DrawModel): void {
    const ids = this.store.nodeIds();
    const textOf = (slot: number) => {
      const id = ids[slot]!;
      let text = this.labelTexts.get(id);
      if (text === undefined) {
        const node = this.store.getNode(id);
        text = node ? labelTextOf(node) : '';
        this.labelTexts.set(id, text);
      }
      return text;
    };
    const placed = pickLabels(
      {
        order: model.labelOrder,
        forced: model.forcedLabels,
        xy: this.store.positions.buffer,
        radius: model.nodeRadius,
        widthOf: (slot) => estimateLabelWidth(textOf(slot)),
      },
      this.camera,
      this.viewport(),
      { lineHeight: LABEL_LINE_HEIGHT },
    );
    this.labels.update(placed, textOf);
  }

  private toWorld(sx: number, sy: number): [number, number] {
    return screenToWorld(this.camera, this.viewport(), sx, sy);
  }

  private resize(): void {
    if (this.destroyed) return;
    this.app.renderer.resize(Math.max(this.host.clientWidth, 1), Math.max(this.host.clientHeight, 1));
    this.requestFrame();
  }
}
