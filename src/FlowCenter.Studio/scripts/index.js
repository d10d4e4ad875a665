// The FlowCenter designer canvas. The C# side owns the definition; this module only draws what it is
// given (render) and reports what the user does (dotnet.invokeMethodAsync). One small module over X6.
import { Graph, Selection, Snapline, Keyboard, MiniMap, Export } from '@antv/x6';

const designers = new Map();
let nextId = 1;

// The canvas in the light and the dark theme: the page's theme reaches the drawing, highlights included.
const palettes = {
  light: { canvas: '#ffffff', grid: '#e0e0e0', fill: '#fff', text: '#263238', port: '#546e7a', edgeText: '#37474f', error: '#ffebee', done: '#c8e6c9', failed: '#ffcdd2', current: '#ffe082' },
  dark: { canvas: '#1f2125', grid: '#33363c', fill: '#2b2e34', text: '#eceff1', port: '#b0bec5', edgeText: '#cfd8dc', error: '#5c2b2e', done: '#1e4620', failed: '#6b2226', current: '#6d5200' },
};

const categoryColours = {
  Flow: '#1565c0', Primitives: '#6a1b9a', Timing: '#ef6c00', Events: '#00838f', People: '#2e7d32', General: '#455a64',
};

// Text is measured once per string with the canvas's own font, so a node is as wide and tall as its name needs.
const measureContext = document.createElement('canvas').getContext('2d');
const measured = new Map();
function textWidth(text, size) {
  const key = size + '|' + text;
  let width = measured.get(key);
  if (width === undefined) {
    measureContext.font = `${size}px "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", Roboto, Helvetica, Arial, sans-serif`;
    width = Math.ceil(measureContext.measureText(text).width);
    measured.set(key, width);
  }
  return width;
}

// Breaks a name into lines no wider than the width: at spaces and slashes, and anywhere in CJK text or a long word.
function wrap(text, width, size) {
  const lines = [];
  let line = '';
  for (const token of text.match(/[\u2e80-\u9fff\uff00-\uffef]|[^\s\u2e80-\u9fff\uff00-\uffef/]+\/?|\/|\s+/g) || []) {
    const next = line + token;
    if (line && textWidth(next.trimEnd(), size) > width) {
      lines.push(line.trimEnd());
      line = token.trimStart();
    } else line = next;
    while (textWidth(line, size) > width && line.length > 1) {
      let cut = line.length - 1;
      while (cut > 1 && textWidth(line.slice(0, cut), size) > width) cut--;
      lines.push(line.slice(0, cut));
      line = line.slice(cut);
    }
  }
  if (line.trim()) lines.push(line.trimEnd());
  return lines.length ? lines : [''];
}

const labelSize = 13, lineHeight = 17, portLabelSize = 10, portRow = 18, portLabelMax = 96;

// The node's size and its label's lines: the name is never clipped (it wraps, and the node grows to fit it), and
// the outcome ports' labels get a column of their own inside the node, so they run into neither the name nor
// the next node.
function layoutOf(node) {
  const labels = node.ports.map((port, i) => (port === 'done' ? '' : (node.portLabels && node.portLabels[i]) || port));
  const portColumn = labels.some(l => l) ? Math.min(portLabelMax, Math.max(...labels.map(l => textWidth(l, portLabelSize)))) + 14 : 0;
  // Start and End are small unless their name needs more; other steps start at 160 px.
  const baseWidth = node.width || (node.type === 'Start' || node.type === 'End' ? 100 : 160);
  const textArea = Math.max(baseWidth - portColumn - 20, 100);
  const lines = wrap(node.label || '', textArea, labelSize);
  const width = Math.max(baseWidth, Math.min(Math.max(...lines.map(l => textWidth(l, labelSize))), textArea) + portColumn + 20);
  const height = Math.max(node.height || 48, lines.length * lineHeight + 18, node.ports.length * portRow + 10);
  return { width, height, lines, labels, portColumn };
}

function portsFor(node, layout, pal) {
  const items = node.type === 'Start' ? [] : [{ id: 'in', group: 'in' }];
  node.ports.forEach((port, i) => {
    items.push({ id: port, group: 'out', attrs: { text: { text: layout.labels[i] } } });
  });
  return {
    groups: {
      in: { position: 'left', attrs: { circle: { r: 5, magnet: 'passive', stroke: '#90a4ae', fill: pal.fill } } },
      out: {
        position: 'right',
        label: { position: { name: 'left', args: { x: -9 } } },
        attrs: {
          circle: { r: 5, magnet: true, stroke: '#1565c0', fill: pal.fill },
          text: { fontSize: portLabelSize, fill: pal.port, textWrap: { width: portLabelMax, height: portRow, ellipsis: true } },
        },
      },
    },
    items,
  };
}

function portKey(ports) {
  return ports.map(p => `${p.id}:${p.attrs?.text?.text ?? ''}`).join('|');
}

function nodeMetadata(node, pal) {
  const colour = categoryColours[node.category] || categoryColours.General;
  const layout = layoutOf(node);
  return {
    id: node.id,
    shape: 'rect',
    x: node.x,
    y: node.y,
    width: layout.width,
    height: layout.height,
    attrs: {
      body: { rx: 8, ry: 8, stroke: colour, strokeWidth: 2, fill: node.status === 'error' ? pal.error : pal.fill },
      label: { text: layout.lines.join('\n'), fontSize: labelSize, lineHeight, fill: pal.text, refX: (layout.width - layout.portColumn) / 2, refY: 0.5 },
    },
    ports: portsFor(node, layout, pal),
    zIndex: 2,
    data: { type: node.type, status: node.status || null },
  };
}

// Manhattan routing steers around nodes but costs a path search per edge; large graphs route orthogonally.
function edgeMetadata(edge, large, pal) {
  return {
    id: edge.id,
    source: { cell: edge.source, port: edge.sourcePort },
    target: { cell: edge.target, port: 'in' },
    router: large ? { name: 'orth' } : { name: 'manhattan', args: { padding: 12 } },
    connector: { name: 'rounded', args: { radius: 6 } },
    vertices: edge.vertices || [],
    zIndex: 1,
    attrs: { line: { stroke: '#78909c', strokeWidth: 1.5, targetMarker: { name: 'block', size: 6 } } },
    labels: edge.label ? [{ attrs: { label: { text: edge.label, fontSize: 11, fill: pal.edgeText }, body: { fill: pal.canvas } } }] : [],
  };
}

// What decides whether an edge is drawn anew; its vertices are moved in place instead, keeping it selected.
function signatureOf(edge) {
  return JSON.stringify({ ...edge, vertices: undefined });
}

export function create(container, minimapContainer, dotnet, readOnly, dark) {
  const pal = dark ? palettes.dark : palettes.light;
  const graph = new Graph({
    container,
    autoResize: true,
    background: { color: pal.canvas },
    grid: { visible: true, size: 10, args: { color: pal.grid } },
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
  const state = { graph, dotnet, rendering: false, minimap: false, pal, marks: { done: [], failed: [], edges: [], current: [] } };
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
  // A drawing brought up to date (render) keeps the selection; it is not the user's doing, so C# is not told.
  graph.on('selection:changed', () => {
    if (state.rendering) return;
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
  // A read-only diagram tells which step was clicked (the instance page lists that step's executions).
  if (readOnly) graph.on('node:click', ({ node }) => dotnet.invokeMethodAsync('OnNodeClicked', node.id));
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
    // The new node is centred on the pointer (its default size: 160 × 48, Start and End 100 × 48).
    const p = graph.clientToLocal(e.clientX, e.clientY);
    const half = type === 'Start' || type === 'End' ? 50 : 80;
    dotnet.invokeMethodAsync('OnDropActivity', type, Math.round(p.x - half), Math.round(p.y - 24));
  });
  state.addMinimap = addMinimap;
  return id;
}

// Makes the graph show exactly the given nodes and edges, keeping cells whose ids already exist.
export function render(id, model, fit) {
  const state = designers.get(id);
  const { graph, pal } = state;
  state.rendering = true;
  const selected = graph.getSelectedCells().map(c => c.id);
  try {
    if (graph.getCellCount() === 0) {
      // First drawing: all cells in one go, which is much faster than adding them one by one.
      const large = model.edges.length > 60;
      graph.fromJSON({
        nodes: model.nodes.map(n => nodeMetadata(n, pal)),
        edges: model.edges.map(e => ({ ...edgeMetadata(e, large, pal), data: { signature: signatureOf(e) } })),
      });
    } else graph.batchUpdate(() => {
      const wanted = new Set([...model.nodes.map(n => n.id), ...model.edges.map(e => e.id)]);
      for (const cell of graph.getCells()) {
        if (!wanted.has(cell.id)) cell.remove();
      }
      for (const node of model.nodes) {
        const existing = graph.getCellById(node.id);
        if (existing && existing.getData().type === node.type) {
          const wanted = nodeMetadata(node, pal);
          existing.setPosition(node.x, node.y);
          existing.resize(wanted.width, wanted.height);
          existing.attr('label', wanted.attrs.label);
          existing.attr('body/fill', wanted.attrs.body.fill);
          existing.setData({ status: node.status || null });
          // Ports are drawn anew only when they changed (a branch added, a label in another language).
          if (portKey(existing.getPorts()) !== portKey(wanted.ports.items)) existing.prop('ports', wanted.ports);
        } else {
          if (existing) existing.remove();
          graph.addNode(nodeMetadata(node, pal));
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
        graph.addEdge({ ...edgeMetadata(edge, model.edges.length > 60, pal), data: { signature } });
      }
    });
    // A cell drawn anew (an edge whose label changed) is still the one selected.
    const again = selected.map(c => graph.getCellById(c)).filter(c => c && !graph.isSelected(c));
    if (again.length) graph.select(again);
  } finally {
    state.rendering = false;
  }
  if (fit) fitReadable(graph);
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
  const state = designers.get(id);
  state.marks = { done: doneNodes, failed: failedNodes, edges, current: currentNodes || [] };
  paint(state);
}

function paint(state) {
  const { graph, pal, marks } = state;
  const { current, failed, done, edges } = marks;
  for (const node of graph.getNodes()) {
    // A step with a problem is red even while its token waits there for an operator.
    const fill = failed.includes(node.id) ? pal.failed : current.includes(node.id) ? pal.current : done.includes(node.id) ? pal.done
      : node.getData()?.status === 'error' ? pal.error : pal.fill;
    node.attr('body/fill', fill);
    node.attr('body/strokeWidth', current.includes(node.id) ? 4 : 2);
  }
  for (const edge of graph.getEdges()) {
    const on = edges.includes(edge.id);
    edge.attr('line/stroke', on ? '#2e7d32' : '#78909c');
    edge.attr('line/strokeWidth', on ? 3 : 1.5);
  }
}

// Writes a small note at the top right of each step named (how often it ran, the time spent there); a step not
// named loses its note. A click on a note is a click on its step.
export function annotate(id, notes) {
  const state = designers.get(id);
  if (!state) return;
  state.notes = notes || {};
  for (const node of state.graph.getNodes()) {
    const text = state.notes[node.id];
    const noted = (node.prop('markup') || []).some(m => m.selector === 'note');
    if (!text) {
      if (noted) node.attr({ noteBody: { display: 'none' }, note: { display: 'none', text: '' } });
      continue;
    }
    // A step gets the note's parts the first time it has one; steps without notes keep a rect's own two parts.
    if (!noted) node.prop('markup', noteMarkup);
    const w = Math.ceil(textWidth(text, 10)) + 12;
    const x = node.getSize().width - w + 6;
    node.attr({
      noteBody: { display: null, width: w, height: 17, x, y: -10, rx: 8, ry: 8, fill: '#455a64', stroke: '#ffffff', strokeWidth: 1 },
      note: { display: null, text, refX: x + w / 2, refY: -1.5, fontSize: 10, fill: '#ffffff', textAnchor: 'middle', textVerticalAnchor: 'middle', 'data-testid': 'node-note', 'data-node': node.id },
    });
  }
}

const noteMarkup = [
  { tagName: 'rect', selector: 'body' },
  { tagName: 'text', selector: 'label' },
  { tagName: 'rect', selector: 'noteBody' },
  { tagName: 'text', selector: 'note' },
];

// Switches the drawing between the light and the dark theme, keeping what is highlighted.
export function theme(id, dark) {
  const state = designers.get(id);
  if (!state) return;
  const pal = dark ? palettes.dark : palettes.light;
  if (pal === state.pal) return;
  state.pal = pal;
  const { graph } = state;
  graph.drawBackground({ color: pal.canvas });
  graph.drawGrid({ args: { color: pal.grid } });
  for (const node of graph.getNodes()) {
    node.attr('label/fill', pal.text);
    for (const port of node.getPorts()) {
      node.portProp(port.id, 'attrs/circle/fill', pal.fill);
      if (port.group === 'out') node.portProp(port.id, 'attrs/text/fill', pal.port);
    }
  }
  for (const edge of graph.getEdges()) {
    if (edge.getLabels().length) edge.setLabels(edge.getLabels().map(l => ({ ...l, attrs: { ...l.attrs, label: { ...l.attrs?.label, fill: pal.edgeText }, body: { ...l.attrs?.body, fill: pal.canvas } } })));
  }
  paint(state);
}

// The smallest scale a fit goes to: below it a name at 13 px is no longer readable.
const readableScale = 0.8;

// Fits the drawing into view, but never below a readable scale and never above 1. A process too large for that
// is shown from its start (top left) and the rest is reached by scrolling (the wheel pans, Ctrl+wheel zooms).
// A canvas with no size (not laid out yet) is left alone: a fit there would set a non-finite transform.
function fitReadable(graph) {
  const width = graph.container.clientWidth;
  const height = graph.container.clientHeight;
  const box = graph.getContentArea();
  if (!width || !height || !box.width || !box.height || !Number.isFinite(box.width) || !Number.isFinite(box.height)) return;
  const padding = 40;
  const scale = Math.max(readableScale, Math.min(1, (width - 2 * padding) / box.width, (height - 2 * padding) / box.height));
  graph.scale(scale, scale);
  const along = (room, size, start) => (size * scale + 2 * padding <= room ? (room - size * scale) / 2 : padding) - start * scale;
  graph.translate(along(width, box.width, box.x), along(height, box.height, box.y));
}

export function zoom(id, factor) {
  const { graph } = designers.get(id);
  if (factor === 0) fitReadable(graph);
  else graph.zoom(factor);
}

export function exportSvg(id) {
  return designers.get(id).graph.toSVGAsync({ preserveDimensions: true, copyStyles: false });
}

export function exportPng(id) {
  const state = designers.get(id);
  return state.graph.toPNGAsync({ padding: 20, backgroundColor: state.pal.canvas, quality: 1 });
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
