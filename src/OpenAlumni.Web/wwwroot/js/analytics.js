// Draws the analytics charts from the JSON the page embeds (#analytics-data) with Chart.js (served from /lib).
(function () {
  const el = document.getElementById("analytics-data");
  if (!el || !window.Chart) return;
  const palette = ["#2563eb", "#16a34a", "#f59e0b", "#dc2626", "#7c3aed", "#0891b2"];
  const charts = JSON.parse(el.textContent);
  for (const c of charts) {
    const canvas = document.getElementById("chart-" + c.id);
    if (!canvas) continue;
    // A month still under way (or cut by the period) is drawn apart: a dashed line into it, a paler bar.
    const partial = (i) => Array.isArray(c.partial) && c.partial[i] === true;
    new Chart(canvas, {
      type: c.type,
      data: {
        labels: c.labels,
        datasets: c.datasets.map((d, i) => ({
          label: d.label, data: d.data, borderColor: palette[i % palette.length],
          backgroundColor: c.type === "line" ? palette[i % palette.length] + "33"
            : d.data.map((_, k) => palette[i % palette.length] + (partial(k) ? "55" : "cc")),
          pointStyle: d.data.map((_, k) => (partial(k) ? "rectRot" : "circle")),
          segment: { borderDash: (ctx) => (partial(ctx.p1DataIndex) ? [6, 4] : undefined) },
          tension: 0.2, fill: false,
        })),
      },
      // No animation: the printed report must show the finished chart.
      options: { animation: false, responsive: true, maintainAspectRatio: false, plugins: { legend: { position: "bottom" } }, scales: { x: { stacked: !!c.stacked }, y: { stacked: !!c.stacked, beginAtZero: true, ticks: { precision: 0 } } } },
    });
  }
})();
