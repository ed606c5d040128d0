// The live dashboard: polls /metrics.json and /monitor.json and redraws with ECharts. Each chart's
// container carries data-points (how many values it draws), for people and for the browser test.
(function () {
  'use strict';
  var POLL_MS = 2000;
  var COLORS = ['#2680c2', '#e12d39', '#3ebd93', '#f0b429', '#8662c7', '#d9822b', '#1f2933', '#9aa5b1', '#57ae5b'];
  var charts = {};
  var state = { metrics: null, monitor: null, group: null, attribute: null };

  function chart(id) {
    if (!charts[id]) {
      charts[id] = echarts.init(document.getElementById(id));
      window.addEventListener('resize', function () { charts[id].resize(); });
    }
    return charts[id];
  }

  function draw(id, option) {
    var points = 0;
    (option.series || []).forEach(function (s) {
      points += (s.data || []).filter(function (d) { return d !== null && (!Array.isArray(d) || d[1] !== null); }).length;
    });
    option.animation = false;
    option.color = COLORS;
    chart(id).setOption(option, true);
    document.getElementById(id).dataset.points = String(points);
  }

  function fmt(x, digits) { return x === null || x === undefined ? '—' : Number(x).toFixed(digits); }
  function time(ms) { return new Date(ms).toISOString().substring(11, 19); }
  function layers(n) { var a = []; for (var l = 1; l <= n; l++) { a.push(String(l)); } return a; }
  function text(el, value) { document.getElementById(el).textContent = value; }

  function fill(select, values, current) {
    var keys = values.map(function (v) { return v.key; });
    if (keys.join('\n') !== Array.prototype.map.call(select.options, function (o) { return o.value; }).join('\n')) {
      select.innerHTML = '';
      values.forEach(function (v) {
        var option = document.createElement('option');
        option.value = v.key;
        option.textContent = v.label;
        select.appendChild(option);
      });
    }
    if (current && keys.indexOf(current) >= 0) { select.value = current; }
    return select.value || null;
  }

  function fetchJson(path) {
    return fetch(path, { cache: 'no-store' }).then(function (r) {
      if (!r.ok) { return r.text().then(function (t) { throw new Error(path + ': ' + r.status + ' ' + t); }); }
      return r.json();
    });
  }

  // ---- monitor --------------------------------------------------------------------------------------

  function drawMonitor() {
    var doc = state.monitor;
    var groups = doc.groups;
    text('in-a-row', doc.settings.windowsInARow);
    var select = document.getElementById('group-select');
    state.group = fill(select, groups.map(function (g) {
      return { key: g.group, label: g.group };
    }), state.group || preferredGroup(groups));
    var active = 0;
    groups.forEach(function (g) { Object.keys(g.signals).forEach(function (s) { if (g.signals[s].active) { active++; } }); });
    text('alert-count', active);
    drawAlerts(groups);
    var group = groups.filter(function (g) { return g.group === state.group; })[0];
    if (!group) { return; }
    var b = group.baseline;
    text('baseline-note', (b.readings ? 'baseline: ' + b.source + (b.pinned ? ' (pinned)' : '')
      : 'collecting the baseline: ' + b.windowsSoFar + ' of ' + b.windowsNeeded + ' windows')
      + (b.pinProblem ? ' — pinned baseline not used: ' + b.pinProblem : '')
      + ' · late records: ' + group.lateRecords);
    var withSamples = group.windows.filter(function (w) { return w.readings.samples > 0; });
    drawAnswers(group, withSamples);
    drawSettle(group, withSamples);
    drawAgreement(group, withSamples);
    drawDrift(group);
  }

  function preferredGroup(groups) {
    var last = groups.filter(function (g) { return g.view === 'last'; });
    return (last[0] || groups[0] || {}).group;
  }

  function drawAnswers(group, windows) {
    draw('chart-answers', {
      tooltip: { trigger: 'axis' }, legend: { top: 0, type: 'scroll' },
      grid: { left: 40, right: 16, top: 30, bottom: 30 },
      xAxis: { type: 'time', splitNumber: 4, axisLabel: { hideOverlap: true } },
      yAxis: { type: 'value', min: 0, max: 1, name: 'share' },
      series: group.labels.map(function (label, y) {
        return { name: label, type: 'line', stack: 'answers', areaStyle: {}, symbol: 'none',
          data: windows.map(function (w) { return [w.start, w.readings.answerShares[y]]; }) };
      })
    });
  }

  function drawSettle(group, windows) {
    var b = group.baseline.readings;
    var threshold = group.signals.settle_layer.threshold;
    var lines = b ? [{ yAxis: b.meanSettleLayer, name: 'baseline' },
      { yAxis: b.meanSettleLayer + threshold, name: '+ threshold' },
      { yAxis: b.meanSettleLayer - threshold, name: '− threshold' }] : [];
    draw('chart-settle', {
      tooltip: { trigger: 'axis' }, legend: { top: 0 },
      grid: { left: 40, right: 80, top: 30, bottom: 30 },
      xAxis: { type: 'time', splitNumber: 4, axisLabel: { hideOverlap: true } },
      yAxis: { type: 'value', min: 1, max: group.layers, name: 'layer' },
      series: [{ name: 'mean settle layer', type: 'line',
        data: windows.map(function (w) { return [w.start, w.readings.meanSettleLayer]; }),
        markLine: { symbol: 'none', label: { formatter: '{b}', position: 'end' }, lineStyle: { type: 'dashed', color: '#7b8794' }, data: lines } }]
    });
  }

  function drawAgreement(group, windows) {
    var series = [];
    if (group.baseline.readings) {
      series.push({ name: 'baseline', type: 'line', lineStyle: { type: 'dashed', width: 3 }, data: group.baseline.readings.agreement });
    }
    var closed = windows.filter(function (w) { return w.status !== 'open'; });
    closed.slice(-3).forEach(function (w) {
      series.push({ name: time(w.start) + (w.drift ? '' : ' (' + w.status.replace(/_/g, ' ') + ')'),
        type: 'line', data: w.readings.agreement });
    });
    var open = windows.filter(function (w) { return w.status === 'open'; }).slice(-1)[0];
    if (open) {
      series.push({ name: 'open ' + time(open.start), type: 'line', lineStyle: { type: 'dotted' }, data: open.readings.agreement });
    }
    draw('chart-agreement', {
      tooltip: { trigger: 'axis' }, legend: { top: 0, type: 'scroll' },
      grid: { left: 40, right: 16, top: 30, bottom: 30 },
      xAxis: { type: 'category', data: layers(group.layers), name: 'layer' },
      yAxis: { type: 'value', min: 0, max: 1 }, series: series
    });
  }

  function drawDrift(group) {
    var evaluated = group.windows.filter(function (w) { return w.drift; });
    var signals = [['answer_mix', 'answer mix (JS, bits)', function (d) { return d.answerMix; }],
      ['settle_layer', 'settle shift (layers)', function (d) { return Math.abs(d.settleShift); }],
      ['agreement', 'agreement (L1 / L)', function (d) { return d.agreement; }]];
    var option = { tooltip: { trigger: 'axis' }, legend: { top: 0 }, grid: [], xAxis: [], yAxis: [], series: [] };
    signals.forEach(function (s, i) {
      var threshold = group.signals[s[0]].threshold;
      option.grid.push({ left: 44, right: 70, top: 30 + i * 76, height: 52 });
      option.xAxis.push({ type: 'time', gridIndex: i, splitNumber: 4, axisLabel: { show: i === 2, hideOverlap: true } });
      // the threshold always in view, with room above it
      option.yAxis.push({ type: 'value', gridIndex: i, min: 0, splitNumber: 2,
        max: function (v) { return Number((Math.max(v.max, threshold) * 1.25).toPrecision(2)); } });
      option.series.push({ name: s[1], type: 'line', xAxisIndex: i, yAxisIndex: i,
        data: evaluated.map(function (w) { return [w.start, s[2](w.drift)]; }),
        markLine: { symbol: 'none', label: { formatter: 'threshold', position: 'end' },
          lineStyle: { color: '#e12d39', type: 'dashed' }, data: [{ yAxis: threshold }] } });
    });
    draw('chart-drift', option);
  }

  function drawAlerts(groups) {
    var rows = [];
    groups.forEach(function (g) { g.alerts.forEach(function (a) { rows.push({ group: g.group, alert: a }); }); });
    rows.sort(function (x, y) { return y.alert.windowEnd - x.alert.windowEnd; });
    var body = document.querySelector('#alerts tbody');
    body.innerHTML = '';
    rows.slice(0, 30).forEach(function (r) {
      var tr = document.createElement('tr');
      tr.className = r.alert.kind;
      [time(r.alert.runStart) + '–' + time(r.alert.windowEnd), r.group, r.alert.signal, r.alert.kind,
        fmt(r.alert.value, 3), fmt(r.alert.threshold, 3), r.alert.baselineSource].forEach(function (v, i) {
        var td = document.createElement('td');
        td.textContent = v;
        if (i === 4 || i === 5) { td.className = 'num'; }
        tr.appendChild(td);
      });
      body.appendChild(tr);
    });
    if (rows.length === 0) {
      body.innerHTML = '<tr><td colspan="7">no alert so far</td></tr>';
    }
  }

  // ---- the paper's figures --------------------------------------------------------------------------

  function drawPaper() {
    var groups = state.metrics.groups.filter(function (g) { return g.view === 'last'; });
    var attributes = [];
    groups.forEach(function (g) {
      var key = g.model + ' · ' + g.attribute;
      if (attributes.indexOf(key) < 0) { attributes.push(key); }
    });
    state.attribute = fill(document.getElementById('attribute-select'),
      attributes.map(function (a) { return { key: a, label: a }; }), state.attribute);
    var chosen = groups.filter(function (g) { return g.model + ' · ' + g.attribute === state.attribute; });
    var labelled = chosen.filter(function (g) { return g.samples > 0; });
    text('paper-note', labelled.length ? '' : 'no labelled sample yet: these figures need ground truth; the monitor above needs none');
    var L = chosen.length ? chosen[0].layers : 0;
    var chance = chosen.length ? chosen[0].chance : null;
    draw('chart-info', {
      tooltip: { trigger: 'axis' }, legend: { top: 0 }, grid: { left: 40, right: 16, top: 30, bottom: 30 },
      xAxis: { type: 'category', data: layers(L), name: 'layer' }, yAxis: { type: 'value', min: 0, max: 1 },
      series: labelled.map(function (g, i) {
        return { name: g.prompt, type: 'line', data: g.infoScore,
          markLine: i === 0 && chance ? { symbol: 'none', label: { formatter: 'chance' },
            lineStyle: { type: 'dashed', color: '#7b8794' }, data: [{ yAxis: chance }] } : undefined };
      })
    });
    var split = [];
    labelled.forEach(function (g, i) {
      split.push({ name: g.prompt + ' correct', type: 'line', data: g.infoScoreCorrect, lineStyle: { color: COLORS[i] }, itemStyle: { color: COLORS[i] } });
      split.push({ name: g.prompt + ' wrong', type: 'line', data: g.infoScoreIncorrect, lineStyle: { color: COLORS[i], type: 'dashed' }, itemStyle: { color: COLORS[i] } });
    });
    draw('chart-split', {
      tooltip: { trigger: 'axis' }, legend: { top: 0, type: 'scroll' }, grid: { left: 40, right: 16, top: 30, bottom: 30 },
      xAxis: { type: 'category', data: layers(L), name: 'layer' }, yAxis: { type: 'value', min: 0, max: 1 },
      series: split
    });
    var body = document.querySelector('#summary tbody');
    body.innerHTML = '';
    chosen.forEach(function (g) {
      var tr = document.createElement('tr');
      [g.prompt, g.samples, g.accuracy === null ? '—' : fmt(100 * g.accuracy, 1) + ' %', fmt(g.criticalLayer, 2)]
        .forEach(function (v) { var td = document.createElement('td'); td.textContent = v; tr.appendChild(td); });
      body.appendChild(tr);
    });
  }

  function counted(metrics) {
    return metrics.groups.reduce(function (sum, g) { return sum + g.readings.samples; }, 0);
  }

  function update() {
    Promise.all([fetchJson('/metrics.json'), fetchJson('/monitor.json')]).then(function (docs) {
      state.metrics = docs[0];
      state.monitor = docs[1];
      text('sample-count', counted(state.metrics));
      text('group-count', state.monitor.groups.length);
      drawMonitor();
      drawPaper();
      text('updated', 'updated ' + new Date().toISOString().substring(11, 19) + ' UTC');
      document.body.dataset.updates = String(Number(document.body.dataset.updates || 0) + 1);
    }).catch(function (e) {
      text('updated', 'waiting: ' + e.message);
    }).then(function () { setTimeout(update, POLL_MS); });
  }

  document.getElementById('group-select').addEventListener('change', function (e) { state.group = e.target.value; drawMonitor(); });
  document.getElementById('attribute-select').addEventListener('change', function (e) { state.attribute = e.target.value; drawPaper(); });
  update();
}());
