// The FlowCenter designer canvas. The C# side owns the definition; this module only draws what it is
// given (render) and reports what the user does (dotnet.invokeMethodAsync). One small module over X6.
import { Graph, Selection, Snapline, Keyboard, MiniMap, Export } from '@antv/x6';

const designers = new Map();
let nextId = 1;

const categoryColours = {
  Flow: '#1565c0', Primitives: '#6a1b9a', Timing: '#ef6c00', Events: '#00838f', People: '#2e7d32', General: '#455a64',
};

function portsFor(node) {
  const items = [{ id: 'in', group: 'in' }];
  for (const port of node.ports) {
    items.push({ id: port, group: 'out', attrs: { text: { text: port === 'done' ? '' : port } } });
  }
  return {
    groups: {
      in: { position: 'left', attrs: { circle: { r: 5, magnet: 'passive', stroke: '#90a4ae', fill: '#fff' } } },
      out: {
        position: 'right',
        label: { position: { name: 'right', args: { x: 8 } } },
        attrs: { circle: { r: 5, magnet: true, stroke: '#1565c0', fill: '#fff' }, text: { fontSize: 10, fill: '#546e7a' } },
      },
    },
    items,
  };
}

function nodeMetadata(node) {
  const colour = categoryColours[node.category] || categoryColours.General;
  return {
    id: node.id,
    shape: 'rect',
    x: node.x,
    y: node.y,
    width: node.width || 160,
    height: node.height || 48,
    attrs: {
      body: { rx: 8, ry: 8, stroke: colour, strokeWidth: 2, fill: node.status === 'error' ? '#ffebee' : '#fff' },
      label: { text: node.label, fontSize: 13, fill: '#263238' },
    },
    ports: portsFor(node),
    zIndex: 2,
    data: { type: node.type },
  };
}

// Manhattan routing steers around nodes but costs a path search per edge; large graphs route orthogonally.
function edgeMetadata(edge, large) {
  return {
    id: edge.id,
    source: { cell: edge.source, port: edge.sourcePort },
    target: { cell: edge.target, port: 'in' },
    router: large ? { name: 'orth' } : { name: 'manhattan', args: { padding: 12 } },
    connector: { name: 'rounded', args: { radius: 6 } },
    vertices: edge.vertices || [],
    zIndex: 1,
    attrs: { line: { stroke: '#78909c', strokeWidth: 1.5, targetMarker: { name: 'block', size: 6 } } },
    labels: edge.label ? [{ attrs: { label: { text: edge.label, fontSize: 11, fill: '#37474f' } } }] : [],
  };
}

// What decides whether an edge is drawn anew; its vertices are moved in place instead, keeping it selected.
function signatureOf(edge) {
  return JSON.stringify({ ...edge, vertices: undefined });
}

export function create(container, minimapContainer, dotnet, readOnly) {
  const graph = new Graph({
    container,
    autoResize: true,
    grid: { visible: true, size: 10 },
    panning: { enabled: true, eventTypes: ['rightMouseDown', 'mouseWheel'] },
    mousewheel: { enabled: true, modifiers: ['ctrl', 'meta'], minScale: 0.2, maxScale: 3 },
    connecting: {
      snap: { radius: 24 },
      allowBlank: false,
      allowLoop: false,
      allowMulti: true,
      highlight: true,
      router: 'manhattan',
      connector: { name: 'rounded', args: { radius: 6 } },
      validateMagnet: ({ magnet }) => magnet.getAttribute('port-group') === 'out',
      validateConnection: ({ targetPort, targetCell, sourceCell }) => targetPort === 'in' && targetCell !== sourceCell,
    },
    // A read-only diagram (the task page's) can be panned and zoomed, nothing else.
    interacting: readOnly ? false : { edgeLabelMovable: false },
  });
  graph.use(new Selection({ enabled: true, multiple: true, rubberband: true, modifiers: ['shift'], showNodeSelectionBox: true, pointerEvents: 'none' }));
  graph.use(new Snapline({ enabled: true }));
  graph.use(new Keyboard({ enabled: true, global: false }));
  graph.use(new Export());
  // The minimap draws a second copy of the graph: it comes after the first render, so the canvas is usable sooner.
  const addMinimap = () => {
    if (minimapContainer && !readOnly && !state.minimap) {
      state.minimap = true;
      // The minimap draws nodes only: at its scale edges are noise and cost as much as the nodes.
      graph.use(new MiniMap({
        container: minimapContainer, width: 200, height: 140, padding: 8,
        graphOptions: { createCellView: cell => (cell.isEdge() ? null : undefined) },
      }));
    }
  };

  const id = nextId++;
  const state = { graph, dotnet, rendering: false, minimap: false };
  designers.set(id, state);

  graph.on('node:moved', ({ node }) => {
    const p = node.getPosition();
    dotnet.invokeMethodAsync('OnNodeMoved', node.id, Math.round(p.x), Math.round(p.y));
  });
  graph.on('edge:connected', ({ edge, isNew }) => {
    if (!isNew || state.rendering) return;
    const source = edge.getSource();
    const target = edge.getTarget();
    edge.remove();
    if (source.cell && target.cell) {
      dotnet.invokeMethodAsync('OnConnected', source.cell, source.port, target.cell);
    }
  });
  graph.on('selection:changed', () => {
    const cells = graph.getSelectedCells();
    dotnet.invokeMethodAsync('OnSelectionChanged', cells.filter(c => c.isNode()).map(c => c.id), cells.filter(c => c.isEdge()).map(c => c.id));
  });
  // A selected edge can be re-routed: drag its vertices, click its line to add one, double-click one to remove it.
  graph.on('edge:selected', ({ edge }) => {
    edge.addTools([{ name: 'vertices', args: { snapRadius: 10, attrs: { r: 5, fill: '#fff', stroke: '#1565c0', 'stroke-width': 2, cursor: 'move' } } }]);
  });
  graph.on('edge:unselected', ({ edge }) => edge.removeTools());
  const verticesTimers = new Map();
  graph.on('edge:change:vertices', ({ edge }) => {
    if (state.rendering) return;
    clearTimeout(verticesTimers.get(edge.id));
    verticesTimers.set(edge.id, setTimeout(() => {
      verticesTimers.delete(edge.id);
      if (graph.getCellById(edge.id)) {
        dotnet.invokeMethodAsync('OnVerticesChanged', edge.id, edge.getVertices().map(p => ({ x: Math.round(p.x), y: Math.round(p.y) })));
      }
    }, 250));
  });
  graph.on('blank:click', () => dotnet.invokeMethodAsync('OnSelectionChanged', [], []));
  graph.on('edge:click', ({ edge }) => {
    graph.cleanSelection();
    graph.select(edge);
  });
  const keys = { 'Delete': ['backspace', 'delete'], 'Undo': ['ctrl+z', 'meta+z'], 'Redo': ['ctrl+y', 'meta+shift+z', 'ctrl+shift+z'], 'Copy': ['ctrl+c', 'meta+c'], 'Paste': ['ctrl+v', 'meta+v'], 'SelectAll': ['ctrl+a', 'meta+a'] };
  for (const [command, bindings] of Object.entries(keys)) {
    graph.bindKey(bindings, () => {
      if (command === 'SelectAll') {
        graph.select(graph.getCells());
      } else {
        dotnet.invokeMethodAsync('OnCommand', command);
      }
      return false;
    });
  }

  container.addEventListener('dragover', e => e.preventDefault());
  container.addEventListener('drop', e => {
    e.preventDefault();
    const type = e.dataTransfer.getData('application/x-flowcenter-activity');
    if (!type) return;
    const p = graph.clientToLocal(e.clientX, e.clientY);
    dotnet.invokeMethodAsync('OnDropActivity', type, Math.round(p.x), Math.round(p.y));
  });
  state.addMinimap = addMinimap;
  return id;
}

// Makes the graph show exactly the given nodes and edges, keeping cells whose ids already exist.
export function render(id, model, fit) {
  const state = designers.get(id);
  const { graph } = state;
  state.rendering = true;
  try {
    if (graph.getCellCount() === 0) {
      // First drawing: all cells in one go, which is much faster than adding them one by one.
      const large = model.edges.length > 60;
      graph.fromJSON({
        nodes: model.nodes.map(nodeMetadata),
        edges: model.edges.map(e => ({ ...edgeMetadata(e, large), data: { signature: signatureOf(e) } })),
      });
    } else graph.batchUpdate(() => {
      const wanted = new Set([...model.nodes.map(n => n.id), ...model.edges.map(e => e.id)]);
      for (const cell of graph.getCells()) {
        if (!wanted.has(cell.id)) cell.remove();
      }
      for (const node of model.nodes) {
        const existing = graph.getCellById(node.id);
        if (existing && existing.getData().type === node.type) {
          existing.setPosition(node.x, node.y);
          existing.attr('label/text', node.label);
          existing.attr('body/fill', node.status === 'error' ? '#ffebee' : node.status === 'done' ? '#e8f5e9' : '#fff');
          const ports = portsFor(node).items.map(p => p.id).join('|');
          if (existing.getPorts().map(p => p.id).join('|') !== ports) existing.prop('ports', portsFor(node));
        } else {
          if (existing) existing.remove();
          graph.addNode(nodeMetadata(node));
        }
      }
      for (const edge of model.edges) {
        const signature = signatureOf(edge);
        const existing = graph.getCellById(edge.id);
        if (existing && existing.getData()?.signature === signature) {
          const vertices = edge.vertices || [];
          if (JSON.stringify(existing.getVertices()) !== JSON.stringify(vertices)) existing.setVertices(vertices);
          continue;
        }
        if (existing) graph.removeCell(existing);
        graph.addEdge({ ...edgeMetadata(edge, model.edges.length > 60), data: { signature } });
      }
    });
  } finally {
    state.rendering = false;
  }
  if (fit) graph.zoomToFit({ padding: 40, maxScale: 1 });
  if (!state.minimap) {
    if (window.requestIdleCallback) window.requestIdleCallback(state.addMinimap, { timeout: 1500 });
    else setTimeout(state.addMinimap, 300);
  }
  return graph.getNodes().length;
}

export function select(id, nodeIds) {
  const { graph } = designers.get(id);
  graph.cleanSelection();
  graph.select(nodeIds.map(n => graph.getCellById(n)).filter(Boolean));
  const first = graph.getCellById(nodeIds[0]);
  if (first) graph.centerCell(first);
}

// Colours a path: nodes done green, failed red, where the case waits now amber; edges taken bold green.
export function highlight(id, doneNodes, failedNodes, edges, currentNodes) {
  const { graph } = designers.get(id);
  const current = currentNodes || [];
  for (const node of graph.getNodes()) {
    const fill = current.includes(node.id) ? '#ffe082' : failedNodes.includes(node.id) ? '#ffcdd2' : doneNodes.includes(node.id) ? '#c8e6c9' : '#fff';
    node.attr('body/fill', fill);
    node.attr('body/strokeWidth', current.includes(node.id) ? 4 : 2);
  }
  for (const edge of graph.getEdges()) {
    const on = edges.includes(edge.id);
    edge.attr('line/stroke', on ? '#2e7d32' : '#78909c');
    edge.attr('line/strokeWidth', on ? 3 : 1.5);
  }
}

export function zoom(id, factor) {
  const { graph } = designers.get(id);
  if (factor === 0) graph.zoomToFit({ padding: 40, maxScale: 1 });
  else graph.zoom(factor);
}

export function exportSvg(id) {
  return designers.get(id).graph.toSVGAsync({ preserveDimensions: true, copyStyles: false });
}

export function exportPng(id) {
  return designers.get(id).graph.toPNGAsync({ padding: 20, backgroundColor: '#ffffff', quality: 1 });
}

export function dispose(id) {
  const state = designers.get(id);
  if (state) {
    state.graph.dispose();
    designers.delete(id);
  }
}

export function download(fileName, href) {
  const a = document.createElement('a');
  a.href = href;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
}
