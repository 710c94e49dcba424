// Draws the analytics charts from the JSON the page embeds (#analytics-data) with Chart.js (served from /lib).
(function () {
  const el = document.getElementById("analytics-data");
  if (!el || !window.Chart) return;
  const palette = ["#2563eb", "#16a34a", "#f59e0b", "#dc2626", "#7c3aed", "#0891b2"];
  const charts = JSON.parse(el.textContent);
  for (const c of charts) {
    const canvas = document.getElementById("chart-" + c.id);
    if (!canvas) continue;
    new Chart(canvas, {
      type: c.type,
      data: {
        labels: c.labels,
        datasets: c.datasets.map((d, i) => ({
          label: d.label, data: d.data, borderColor: palette[i % palette.length],
          backgroundColor: palette[i % palette.length] + (c.type === "line" ? "33" : "cc"), tension: 0.2, fill: false,
        })),
      },
      // No animation: the printed report must show the finished chart.
      options: { animation: false, responsive: true, maintainAspectRatio: false, plugins: { legend: { position: "bottom" } }, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
    });
  }
})();
