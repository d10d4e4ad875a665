// The BPMN view: a process's BPMN 2.0 export drawn by bpmn-js (the viewer the other modelers use) and checked
// by bpmnlint's recommended rules, so that IT sees before handing the file on what another tool will see.
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import Linter from 'bpmnlint/lib/linter';
import recommended from 'bpmnlint/config/recommended';

// bpmnlint resolves its rules by name; in the browser they are bundled, so the resolver hands them over.
const rules = {
  'ad-hoc-sub-process': require('bpmnlint/rules/ad-hoc-sub-process'),
  'conditional-flows': require('bpmnlint/rules/conditional-flows'),
  'end-event-required': require('bpmnlint/rules/end-event-required'),
  'event-based-gateway': require('bpmnlint/rules/event-based-gateway'),
  'event-sub-process-typed-start-event': require('bpmnlint/rules/event-sub-process-typed-start-event'),
  'fake-join': require('bpmnlint/rules/fake-join'),
  'global': require('bpmnlint/rules/global'),
  'label-required': require('bpmnlint/rules/label-required'),
  'link-event': require('bpmnlint/rules/link-event'),
  'no-bpmndi': require('bpmnlint/rules/no-bpmndi'),
  'no-complex-gateway': require('bpmnlint/rules/no-complex-gateway'),
  'no-disconnected': require('bpmnlint/rules/no-disconnected'),
  'no-duplicate-sequence-flows': require('bpmnlint/rules/no-duplicate-sequence-flows'),
  'no-gateway-join-fork': require('bpmnlint/rules/no-gateway-join-fork'),
  'no-implicit-split': require('bpmnlint/rules/no-implicit-split'),
  'no-implicit-end': require('bpmnlint/rules/no-implicit-end'),
  'no-implicit-start': require('bpmnlint/rules/no-implicit-start'),
  'no-inclusive-gateway': require('bpmnlint/rules/no-inclusive-gateway'),
  'no-overlapping-elements': require('bpmnlint/rules/no-overlapping-elements'),
  'single-blank-start-event': require('bpmnlint/rules/single-blank-start-event'),
  'single-event-definition': require('bpmnlint/rules/single-event-definition'),
  'start-event-required': require('bpmnlint/rules/start-event-required'),
  'sub-process-blank-start-event': require('bpmnlint/rules/sub-process-blank-start-event'),
  'superfluous-gateway': require('bpmnlint/rules/superfluous-gateway'),
  'superfluous-label': require('bpmnlint/rules/superfluous-label'),
  'superfluous-termination': require('bpmnlint/rules/superfluous-termination'),
};

const resolver = {
  resolveRule(pkg, name) {
    const rule = rules[name];
    if (!rule) {
      throw new Error(`unknown rule ${pkg}/${name}`);
    }
    return rule;
  },
  resolveConfig() {
    return recommended;
  },
};

const viewers = new Map();

// Draws the file into the container and lints it. Returns { warnings: [text], findings: [{ rule, id, message, category }] }.
// left: rules left out of the recommended set, with the reason the page shows.
export async function show(container, xml, left) {
  let viewer = viewers.get(container);
  if (!viewer) {
    viewer = new NavigatedViewer({ container });
    viewers.set(container, viewer);
  }
  const { warnings } = await viewer.importXML(xml);
  viewer.get('canvas').zoom('fit-viewport');
  const config = { rules: { ...recommended.rules } };
  for (const rule of left || []) {
    delete config.rules[rule];
  }
  const linter = new Linter({ config, resolver });
  const results = await linter.lint(viewer.getDefinitions());
  const findings = [];
  for (const [rule, reports] of Object.entries(results)) {
    for (const report of reports) {
      findings.push({ rule, id: report.id || '', message: report.message, category: report.category });
    }
  }
  return { warnings: warnings.map((w) => w.message), findings };
}
