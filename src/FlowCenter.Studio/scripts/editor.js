// The code editor of the studio's JavaScript and JSON fields: CodeMirror 6 with highlighting, bracket
// matching, history and a lint gutter. The C# side owns the text and its validation: this module reports
// edits (debounced, and at once on blur) and shows the problem C# sends back at its line and column.
import { EditorState, Compartment } from '@codemirror/state';
import { EditorView, keymap, lineNumbers, highlightActiveLine, drawSelection, placeholder } from '@codemirror/view';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { syntaxHighlighting, defaultHighlightStyle, bracketMatching, indentOnInput } from '@codemirror/language';
import { closeBrackets, closeBracketsKeymap, autocompletion, completionKeymap } from '@codemirror/autocomplete';
import { linter, lintGutter, setDiagnostics } from '@codemirror/lint';
import { javascript } from '@codemirror/lang-javascript';
import { json, jsonParseLinter } from '@codemirror/lang-json';

const editors = new Map();
let nextId = 1;

// The helpers every FlowCenter expression may call, offered by completion beside the variables C# passes.
const helpers = ['now()', 'instanceId()', 'parentInstanceId()', 'formatDate(', 'getVariable(', 'setVariable(', 'getInput(', 'JSON.stringify(', 'JSON.parse(', 'Math.round('];

function completions(names) {
  return context => {
    const word = context.matchBefore(/[\w$.]*/);
    if (!word || (word.from === word.to && !context.explicit)) return null;
    return {
      from: word.from,
      options: [
        ...names.map(n => ({ label: n, type: 'variable' })),
        ...helpers.map(h => ({ label: h, type: 'function' })),
      ],
    };
  };
}

// "(line 2, column 7)" in a message from the expression validator (both counted from 1) becomes a range in
// the document: from there to the end of the line, at least one character.
function rangeOf(doc, message) {
  const match = /\(line (\d+), column (\d+)\)/.exec(message);
  if (!match) return { from: 0, to: doc.length };
  const line = doc.line(Math.min(Math.max(Number(match[1]), 1), doc.lines));
  let from = Math.min(line.from + Math.max(Number(match[2]) - 1, 0), line.to);
  if (from === line.to && from > line.from) from -= 1;
  return { from, to: Math.max(from + 1, line.to) > doc.length ? doc.length : Math.max(from + 1, line.to) };
}

export function create(container, options, dotnet) {
  const id = nextId++;
  const state = { dotnet, timer: 0, sent: options.value || '', problem: null };
  const flush = () => {
    clearTimeout(state.timer);
    const text = state.view.state.doc.toString();
    if (text !== state.sent) {
      state.sent = text;
      dotnet.invokeMethodAsync('OnEdited', text);
    }
  };
  const language = options.language === 'json' ? [json(), linter(jsonParseLinter(), { delay: 300 })] : [javascript(),
    autocompletion({ override: [completions(options.names || [])] })];
  state.readOnly = new Compartment();
  state.view = new EditorView({
    parent: container,
    state: EditorState.create({
      doc: options.value || '',
      extensions: [
        options.lineNumbers ? lineNumbers() : [],
        history(),
        drawSelection(),
        indentOnInput(),
        bracketMatching(),
        closeBrackets(),
        highlightActiveLine(),
        syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
        lintGutter(),
        placeholder(options.placeholder || ''),
        keymap.of([...closeBracketsKeymap, ...defaultKeymap, ...historyKeymap, ...completionKeymap, indentWithTab]),
        language,
        state.readOnly.of(EditorState.readOnly.of(!!options.readOnly)),
        EditorView.lineWrapping,
        EditorView.updateListener.of(update => {
          if (!update.docChanged) return;
          clearTimeout(state.timer);
          state.timer = setTimeout(flush, 400);
        }),
        EditorView.domEventHandlers({ blur: () => { flush(); return false; } }),
      ],
    }),
  });
  editors.set(id, state);
  if (options.problem) showProblem(id, options.problem);
  return id;
}

// Replaces the text when C# changed it (undo, JSON apply, another node selected); the caret stays if it can.
export function setValue(id, value) {
  const state = editors.get(id);
  if (!state) return;
  const current = state.view.state.doc.toString();
  value = value || '';
  if (current === value) return;
  clearTimeout(state.timer);
  state.sent = value;
  const head = Math.min(state.view.state.selection.main.head, value.length);
  state.view.dispatch({ changes: { from: 0, to: current.length, insert: value }, selection: { anchor: head } });
}

export function showProblem(id, message) {
  const state = editors.get(id);
  if (!state) return;
  state.problem = message;
  const doc = state.view.state.doc;
  const diagnostics = message ? [{ ...rangeOf(doc, message), severity: 'error', message }] : [];
  state.view.dispatch(setDiagnostics(state.view.state, diagnostics));
}

export function dispose(id) {
  const state = editors.get(id);
  if (state) {
    clearTimeout(state.timer);
    state.view.destroy();
    editors.delete(id);
  }
}
