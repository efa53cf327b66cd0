// node page.js OUT_DIR model.bpmn...: for each model, OUT_DIR/<name>.html (bpmn-js's viewer and the model inlined:
// a file:// page may not fetch) and, on stdout, "<name> <width>,<height>": a window that fits the diagram's layout.
const fs = require('fs');
const path = require('path');
const [, , out, ...models] = process.argv;
const dist = path.dirname(require.resolve('bpmn-js/dist/bpmn-viewer.production.min.js'));
const viewer = fs.readFileSync(path.join(dist, 'bpmn-viewer.production.min.js'), 'utf8');
const css = ['diagram-js.css', 'bpmn-js.css'].map(f => fs.readFileSync(path.join(dist, 'assets', f), 'utf8')).join('\n');
for (const model of models) {
  const xml = fs.readFileSync(model, 'utf8');
  const name = path.basename(model, '.bpmn');
  fs.writeFileSync(path.join(out, name + '.html'), `<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8">
<style>${css}
html,body,#canvas{margin:0;width:100%;height:100%;background:#fff}</style></head><body><div id="canvas"></div>
<script>${viewer}</script><script>
var viewer = new BpmnJS({ container: '#canvas' });
viewer.importXML(${JSON.stringify(xml)}).then(function () { viewer.get('canvas').zoom('fit-viewport'); })
  .catch(function (e) { document.body.textContent = 'ERREUR ' + e.message; });
</script></body></html>`);
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const m of xml.matchAll(/<dc:Bounds x="([-\d.]+)" y="([-\d.]+)" width="([\d.]+)" height="([\d.]+)"/g)) {
    const [x, y, w, h] = m.slice(1).map(Number);
    minX = Math.min(minX, x); minY = Math.min(minY, y); maxX = Math.max(maxX, x + w); maxY = Math.max(maxY, y + h);
  }
  const width = maxX - minX + 120, height = maxY - minY + 120, scale = Math.min(1.4, 3000 / width);
  console.log(name + ' ' + Math.round(width * scale) + ',' + Math.round(height * scale));
}
