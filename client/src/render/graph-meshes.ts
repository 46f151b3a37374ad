/**
 * The two batched PixiJS meshes the whole graph is drawn with — one draw call for every transition, one for
 * every track — and their buffers. Positions are re-uploaded when they change (layout, zoom); colours and
 * indices only when the draw model or the graph's size changes.
 */
import { Buffer, BufferUsage, Container, Geometry, Mesh, Shader, type Renderer } from 'pixi.js';
import type { DrawModel } from './draw-model';
import {
  EDGE_INDICES,
  EDGE_VERTICES,
  ensureCapacity,
  NODE_INDICES,
  NODE_VERTICES,
  writeEdgeColours,
  writeEdgeIndices,
  writeEdgePositions,
  writeNodeIndices,
  writeNodePositions,
  writeNodeStyle,
} from './mesh-geometry';
import { EDGE_FRAGMENT, EDGE_VERTEX, NODE_FRAGMENT, NODE_VERTEX } from './shaders';

const VERTEX = BufferUsage.VERTEX | BufferUsage.COPY_DST;
const INDEX = BufferUsage.INDEX | BufferUsage.COPY_DST;

/** One attribute's CPU copy and GPU buffer; uploads only the used part. */
class AttributeData<T extends Float32Array | Uint32Array> {
  readonly buffer: Buffer;

  constructor(
    public data: T,
    usage: number,
  ) {
    this.buffer = new Buffer({ data, usage });
  }

  reserve(length: number): void {
    this.data = ensureCapacity(this.data, length);
  }

  upload(length: number): void {
    this.buffer.setDataWithSize(this.data, length, true);
  }
}

export class GraphMeshes {
  readonly container = new Container();
  private readonly edgePosition = new AttributeData(new Float32Array(1024), VERTEX);
  private readonly edgeColour = new AttributeData(new Float32Array(2048), VERTEX);
  private readonly edgeIndex = new AttributeData(new Uint32Array(1024), INDEX);
  private readonly nodePosition = new AttributeData(new Float32Array(1024), VERTEX);
  private readonly nodeUv = new AttributeData(new Float32Array(1024), VERTEX);
  private readonly nodeFill = new AttributeData(new Float32Array(2048), VERTEX);
  private readonly nodeRing = new AttributeData(new Float32Array(2048), VERTEX);
  private readonly nodeIndex = new AttributeData(new Uint32Array(1024), INDEX);
  private readonly edgeGeometry: Geometry;
  private readonly nodeGeometry: Geometry;
  private readonly edgeMesh: Mesh<Geometry, Shader>;
  private readonly nodeMesh: Mesh<Geometry, Shader>;
  private edgeIndexWritten = 0;
  private nodeIndexWritten = 0;
  private edgeCount = 0;
  private nodeCount = 0;

  constructor() {
    this.edgeGeometry = new Geometry({
      attributes: { aPosition: this.edgePosition.buffer, aColor: this.edgeColour.buffer },
      indexBuffer: this.edgeIndex.buffer,
    });
    this.nodeGeometry = new Geometry({
      attributes: {
        aPosition: this.nodePosition.buffer,
        aUV: this.nodeUv.buffer,
        aFill: this.nodeFill.buffer,
        aRing: this.nodeRing.buffer,
      },
      indexBuffer: this.nodeIndex.buffer,
    });
    const edgeShader = Shader.from({ gl: { vertex: EDGE_VERTEX, fragment: EDGE_FRAGMENT, name: 'songnodes-edges' }, resources: {} });
    const nodeShader = Shader.from({ gl: { vertex: NODE_VERTEX, fragment: NODE_FRAGMENT, name: 'songnodes-nodes' }, resources: {} });
    this.edgeMesh = new Mesh({ geometry: this.edgeGeometry, shader: edgeShader });
    this.nodeMesh = new Mesh({ geometry: this.nodeGeometry, shader: nodeShader });
    this.edgeMesh.visible = this.nodeMesh.visible = false;
    this.container.addChild(this.edgeMesh, this.nodeMesh);
  }

  /**
   * Draws one invisible item of each mesh once, so the shaders are compiled and linked before the first real
   * frame (linking costs tens of milliseconds with software WebGL; data should not wait for it).
   */
  prime(renderer: Renderer, stage: Container): void {
    for (const attribute of [
      this.edgePosition,
      this.edgeColour,
      this.edgeIndex,
      this.nodePosition,
      this.nodeUv,
      this.nodeFill,
      this.nodeRing,
    ]) {
      attribute.upload(attribute.data.length);
    }
    this.edgeGeometry.indexCount = EDGE_INDICES;
    this.nodeGeometry.indexCount = NODE_INDICES;
    this.edgeMesh.visible = this.nodeMesh.visible = true;
    renderer.render(stage);
    this.edgeMesh.visible = this.nodeMesh.visible = false;
  }

  /** Colours and index ranges for a new draw model (not per frame). */
  applyStyle(model: DrawModel, nodeCount: number): void {
    this.edgeCount = model.visibleEdges.length;
    this.nodeCount = nodeCount;
    this.edgeColour.reserve(this.edgeCount * EDGE_VERTICES * 4);
    writeEdgeColours(this.edgeColour.data, model.visibleEdges, model.edgeColour);
    this.edgeColour.upload(this.edgeCount * EDGE_VERTICES * 4);
    this.nodeUv.reserve(nodeCount * NODE_VERTICES * 2);
    this.nodeFill.reserve(nodeCount * NODE_VERTICES * 4);
    this.nodeRing.reserve(nodeCount * NODE_VERTICES * 4);
    writeNodeStyle(this.nodeUv.data, this.nodeFill.data, this.nodeRing.data, model, nodeCount);
    this.nodeUv.upload(nodeCount * NODE_VERTICES * 2);
    this.nodeFill.upload(nodeCount * NODE_VERTICES * 4);
    this.nodeRing.upload(nodeCount * NODE_VERTICES * 4);
    this.edgeIndexWritten = this.extendIndices(this.edgeIndex, this.edgeIndexWritten, this.edgeCount, EDGE_INDICES, writeEdgeIndices);
    this.nodeIndexWritten = this.extendIndices(this.nodeIndex, this.nodeIndexWritten, nodeCount, NODE_INDICES, writeNodeIndices);
    this.edgeGeometry.indexCount = this.edgeCount * EDGE_INDICES;
    this.nodeGeometry.indexCount = nodeCount * NODE_INDICES;
    this.edgeMesh.visible = this.edgeCount > 0;
    this.nodeMesh.visible = nodeCount > 0;
  }

  /** Vertex positions for this frame's layout positions and zoom. */
  applyPositions(model: DrawModel, ends: Uint32Array, xy: Float32Array, zoom: number): void {
    this.edgePosition.reserve(this.edgeCount * EDGE_VERTICES * 2);
    writeEdgePositions(this.edgePosition.data, {
      visible: model.visibleEdges,
      ends,
      xy,
      width: model.edgeWidth,
      hasReverse: model.edgeHasReverse,
      radius: model.nodeRadius,
      zoom,
    });
    this.edgePosition.upload(this.edgeCount * EDGE_VERTICES * 2);
    this.nodePosition.reserve(this.nodeCount * NODE_VERTICES * 2);
    writeNodePositions(this.nodePosition.data, xy, model.nodeRadius, this.nodeCount, zoom);
    this.nodePosition.upload(this.nodeCount * NODE_VERTICES * 2);
  }

  destroy(): void {
    this.container.destroy({ children: true });
    this.edgeGeometry.destroy(true);
    this.nodeGeometry.destroy(true);
  }

  /** The index pattern only depends on the item count: written once per slot, extended as the graph grows. */
  private extendIndices(
    attribute: AttributeData<Uint32Array>,
    written: number,
    count: number,
    perItem: number,
    write: (out: Uint32Array, from: number, to: number) => void,
  ): number {
    if (count <= written) return written;
    attribute.reserve(count * perItem);
    write(attribute.data, written, count);
    attribute.upload(count * perItem);
    return count;
  }
}
