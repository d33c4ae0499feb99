/**
 * The fixed parts of the `html` report: its style and its script, inline so
 * the page is one self-contained file, and the Content-Security-Policy that
 * lets only this script run (by its hash) and loads nothing from anywhere:
 * even markup that escaped escaping could run nothing.
 */
import {createHash} from 'node:crypto'

export const style = `
:root{color-scheme:light;--error:#b3261e;--warning:#8a5a00;--info:#285a9e;--line:#f4f4f4}
*{box-sizing:border-box}
body{margin:0;font:15px/1.45 system-ui,sans-serif;color:#1d1d1d;background:#fff}
main{padding:16px;max-width:1100px;margin:auto}
.file{margin:14px 0;border:1px solid #ddd;border-radius:6px;padding:0 12px 8px;content-visibility:auto;contain-intrinsic-size:auto 400px}
.file h2{font-size:15px;margin:10px 0;word-break:break-all}
.file h2 .counts{font-weight:normal;color:#555;margin-left:8px}
.text{font:13px/1.5 ui-monospace,monospace;counter-reset:line}
.line{white-space:pre-wrap;word-break:break-word;padding-left:4.3em;text-indent:-4.3em}
.line::before{counter-increment:line;content:counter(line);display:inline-block;width:3.5em;margin-right:.8em;text-align:right;color:#888;text-indent:0;user-select:none}
.line:target{background:#fff3b0}
mark{background:#ffe08a;border-bottom:2px solid #d19a00;color:inherit}
mark.sev-error{background:#ffd3cf;border-color:var(--error)}
mark.sev-info{background:#dbe8fb;border-color:var(--info)}
mark.off{background:none;border:0}
mark.point{border:0;background:none;border-left:2px solid var(--error);margin-left:-1px}
ul.msgs{list-style:none;margin:2px 0 8px 4.3em;padding:0;font:14px/1.4 system-ui,sans-serif}
li.msg{border-left:4px solid var(--warning);background:#fafafa;padding:4px 8px;margin:3px 0}
li.msg.sev-error{border-color:var(--error)}li.msg.sev-info{border-color:var(--info)}
li.msg p{margin:2px 0}
.sev{font-weight:600;text-transform:uppercase;font-size:11px;letter-spacing:.04em}
.sev-error .sev{color:var(--error)}.sev-warning .sev{color:var(--warning)}.sev-info .sev{color:var(--info)}
.rule{font-family:ui-monospace,monospace;margin:0 6px}
.where,.note{color:#555}
table{border-collapse:collapse}td,th{padding:2px 10px 2px 0;text-align:left}
td.n{text-align:right;font-variant-numeric:tabular-nums}
.bar{height:10px;background:#6b8fc9;min-width:1px}
td.chart{width:260px}
.filters{display:flex;flex-wrap:wrap;gap:6px 16px;align-items:center;margin:10px 0}
.filters label{white-space:nowrap}
#search{font:inherit;padding:4px 8px;width:22em}
[hidden]{display:none!important}
`

export const script = `
(function () {
  // Summary on top, then files with errors, warnings, infos, none: the page was written in run order.
  var main = document.querySelector('main')
  var sections = Array.prototype.slice.call(document.querySelectorAll('section.file'))
  var fragment = document.createDocumentFragment()
  ;['error', 'warning', 'info', 'none'].forEach(function (level) {
    sections.forEach(function (section) { if (section.classList.contains('sev-' + level)) fragment.appendChild(section) })
  })
  main.appendChild(fragment)
  main.insertBefore(document.getElementById('summary'), main.firstChild)

  var files = Array.prototype.map.call(document.querySelectorAll('section.file'), function (section) {
    return {
      section: section,
      path: section.getAttribute('data-path').toLowerCase(),
      text: null,
      messages: Array.prototype.map.call(section.querySelectorAll('li.msg'), function (item) {
        return {item: item, id: item.id, rule: item.getAttribute('data-rule'), severity: item.getAttribute('data-severity'), text: null}
      }),
      marks: Array.prototype.slice.call(section.querySelectorAll('mark[data-ids]'))
    }
  })
  var boxes = Array.prototype.slice.call(document.querySelectorAll('input[name=rule], input[name=severity]'))
  var search = document.getElementById('search')
  var status = document.getElementById('shown')
  var timer = 0

  function checked(name) {
    var set = {}
    boxes.forEach(function (box) { if (box.name === name && box.checked) set[box.value] = true })
    return set
  }

  function apply() {
    var rules = checked('rule'), severities = checked('severity')
    var query = search.value.trim().toLowerCase()
    var everything = query === '' && boxes.every(function (box) { return box.checked })
    var shownMessages = 0, shownFiles = 0
    files.forEach(function (file) {
      var fileMatches = query === '' || file.path.indexOf(query) !== -1
      if (!fileMatches && query !== '') {
        if (file.text === null) { var body = file.section.querySelector('.text'); file.text = body ? body.textContent.toLowerCase() : '' }
        fileMatches = file.text.indexOf(query) !== -1
      }
      var hidden = {}, visible = 0
      file.messages.forEach(function (message) {
        var show = rules[message.rule] === true && severities[message.severity] === true
        if (show && !fileMatches) {
          if (message.text === null) message.text = message.item.textContent.toLowerCase()
          show = message.text.indexOf(query) !== -1
        }
        message.item.hidden = !show
        if (show) visible++
        else hidden[message.id] = true
      })
      file.marks.forEach(function (mark) {
        var ids = mark.getAttribute('data-ids').split(' ')
        mark.classList.toggle('off', ids.every(function (id) { return hidden[id] === true }))
      })
      var show = file.messages.length === 0 ? everything : visible > 0
      file.section.hidden = !show
      if (show) shownFiles++
      shownMessages += visible
    })
    status.textContent = shownMessages + ' of ' + status.getAttribute('data-total') + ' messages shown, in ' + shownFiles + ' files'
  }

  boxes.forEach(function (box) { box.addEventListener('change', apply) })
  search.addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(apply, 150) })
  document.documentElement.setAttribute('data-ready', 'true')
})()
`

/** Only the script above may run, and nothing may be loaded: no network, no other file. */
export const contentSecurityPolicy = `default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-${createHash('sha256').update(script).digest('base64')}'; img-src data:`
