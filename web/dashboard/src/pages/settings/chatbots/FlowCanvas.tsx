import { useState } from 'react';
import {
  Background,
  Controls,
  ReactFlow,
  type Connection,
  type Edge,
  type EdgeChange,
  type NodeChange,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { t } from '../../../lib/i18n.ts';
import { edgesOf, layout, removeStep, replaceStep, withTarget, type FlowDefinition } from './flow-edit.ts';
import { StepNode, type StepNodeType } from './StepNode.tsx';

const nodeTypes = { step: StepNode };
type Positions = Record<string, { x: number; y: number }>;

function placeNewSteps(def: FlowDefinition, positions: Positions): Positions {
  const missing = def.steps.filter((s) => !positions[s.id]);
  if (!missing.length) return positions;
  let lowest = Math.max(-150, ...Object.values(positions).map((p) => p.y));
  return { ...positions, ...Object.fromEntries(missing.map((s) => [s.id, { x: 0, y: (lowest += 150) }])) };
}

/**
 * The flow as a graph: steps are nodes, every field naming a next step is an outlet (a handle) and an edge.
 * Dragging from an outlet to a step sets that field; deleting an edge or a node (Delete key) clears it.
 * Positions are the builder's own (laid out by distance from the start, then where they are dragged).
 */
export function FlowCanvas({
  def,
  selected,
  problems,
  onSelect,
  onChange,
}: {
  def: FlowDefinition;
  selected: string | null;
  problems: Map<string, string[]>;
  onSelect(id: string | null): void;
  onChange(def: FlowDefinition): void;
}) {
  const [positions, setPositions] = useState<Positions>(() => Object.fromEntries(layout(def)));
  // A step added (or renamed) since goes below the others, each on its own row, and stays where it is put.
  const placed = placeNewSteps(def, positions);
  if (placed !== positions) setPositions(placed);
  const nodes: StepNodeType[] = def.steps.map((step) => ({
    id: step.id,
    type: 'step',
    position: placed[step.id],
    selected: step.id === selected,
    data: { step, isStart: def.start === step.id, problems: problems.get(step.id) ?? [] },
  }));
  const edges: Edge[] = edgesOf(def).map((e) => ({
    id: e.id,
    source: e.source,
    sourceHandle: e.field,
    target: e.target,
  }));
  const byId = new Map(def.steps.map((s) => [s.id, s]));

  const onNodesChange = (changes: NodeChange<StepNodeType>[]) => {
    let next = def;
    const moved: Positions = {};
    for (const change of changes) {
      if (change.type === 'position' && change.position) moved[change.id] = change.position;
      if (change.type === 'remove') next = removeStep(next, change.id);
    }
    if (Object.keys(moved).length) setPositions((p) => ({ ...p, ...moved }));
    if (next !== def) onChange(next);
  };
  const onEdgesChange = (changes: EdgeChange[]) => {
    let next = def;
    for (const change of changes) {
      if (change.type !== 'remove') continue;
      const [source, field] = [change.id.slice(0, change.id.indexOf(':')), change.id.slice(change.id.indexOf(':') + 1)];
      const step = next.steps.find((s) => s.id === source);
      if (step) next = replaceStep(next, source, withTarget(step, field, undefined));
    }
    if (next !== def) onChange(next);
  };
  const onConnect = ({ source, sourceHandle, target }: Connection) => {
    const step = byId.get(source);
    if (step && sourceHandle) onChange(replaceStep(def, source, withTarget(step, sourceHandle, target)));
  };

  return (
    <div className="flow-canvas" role="group" aria-label={t('flows.canvas')}>
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={onConnect}
        onNodeClick={(_, node) => onSelect(node.id)}
        onPaneClick={() => onSelect(null)}
        fitView
        fitViewOptions={{ padding: 0.2, maxZoom: 1 }}
        defaultEdgeOptions={{ type: 'smoothstep' }}
      >
        <Background gap={20} />
        <Controls showInteractive={false} />
      </ReactFlow>
    </div>
  );
}
