"""Tiny server-side SVG charts: bars (grouped or stacked) and lines, with a data table fallback.

No JavaScript and nothing from a CDN: each chart is one inline <svg> with a <title> and a
<desc>, axis labels and a legend, and the same numbers as a table for screen readers and
for anyone who prefers to read figures.
"""

import math
from dataclasses import dataclass, field
from html import escape

from django.utils.safestring import SafeString, mark_safe

# Colour-blind-safe palette (Okabe-Ito's hues), each at least 3:1 against the white plot (WCAG
# 1.4.11, non-text contrast): Okabe-Ito's orange, sky blue and yellow (2.2, 2.3 and 1.3:1) are
# darkened to #BF7F00, #3A8ABD and #9A8500. Stacked segments are parted by a white line.
PALETTE = ("#0072B2", "#BF7F00", "#009E73", "#CC79A7", "#3A8ABD", "#D55E00", "#7a7a7a", "#9A8500")
WIDTH, HEIGHT = 640, 300
LEFT, RIGHT, TOP, BOTTOM = 52, 16, 16, 64


@dataclass
class Series:
    name: str
    values: list  # numbers or None (a gap)
    color: str = ""


@dataclass
class Chart:
    key: str
    title: str
    x_label: str
    y_label: str
    categories: list[str]
    series: list[Series]
    kind: str = "bar"  # bar, stacked, line
    summary: str = ""
    y_max: float | None = None
    svg: SafeString = field(default=mark_safe(""))

    @property
    def empty(self) -> bool:
        return not self.categories or all(v is None for s in self.series for v in s.values)

    @property
    def table_rows(self) -> list[list]:
        return [[c] + [_fmt(s.values[i]) for s in self.series] for i, c in enumerate(self.categories)]


def _fmt(v) -> str:
    if v is None:
        return "—"
    if isinstance(v, float) and not v.is_integer():
        return f"{v:.1f}"
    return f"{int(v)}" if isinstance(v, float) else str(v)


def nice_scale(peak: float, integer: bool = True, ticks: int = 4) -> tuple[float, float]:
    """A round step (1, 2, 2.5 or 5 × 10^n; whole numbers for counts) and the axis top it gives."""
    if peak <= 0:
        return 1.0, float(ticks) if integer else 1.0
    raw = peak / ticks
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    if integer:
        step = max(1.0, math.ceil(step))
    return step, step * math.ceil(peak / step - 1e-9)


def _ticks(top: float, step: float) -> list[float]:
    return [step * i for i in range(int(round(top / step)) + 1)]


def render(chart: Chart) -> Chart:
    """Fill `chart.svg` and return the chart."""
    for i, s in enumerate(chart.series):
        s.color = s.color or PALETTE[i % len(PALETTE)]
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    n = max(1, len(chart.categories))
    if chart.kind == "stacked":
        peak = max([sum(s.values[i] or 0 for s in chart.series) for i in range(len(chart.categories))] or [0])
    else:
        peak = max([v or 0 for s in chart.series for v in s.values] or [0])
    integer = all(float(v).is_integer() for ser in chart.series for v in ser.values if v is not None)
    step, top = nice_scale(peak, integer)
    if chart.y_max is not None:
        step, top = chart.y_max / 4, chart.y_max

    def y(v: float) -> float:
        return TOP + plot_h - (v / top) * plot_h

    tid, did = f"chart-{chart.key}-title", f"chart-{chart.key}-desc"
    out = [f'<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-labelledby="{tid} {did}" '
           f'xmlns="http://www.w3.org/2000/svg" preserveAspectRatio="xMidYMid meet">',
           f'<title id="{tid}">{escape(chart.title)}</title>',
           f'<desc id="{did}">{escape(chart.summary or chart.title)}</desc>']
    for t in _ticks(top, step):  # gridlines and y tick labels
        out.append(f'<line class="grid" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y(t):.1f}" y2="{y(t):.1f}"/>')
        out.append(f'<text class="tick" x="{LEFT - 6}" y="{y(t) + 4:.1f}" text-anchor="end">{escape(_fmt(t))}</text>')
    slot = plot_w / n
    if chart.kind in ("bar", "stacked"):
        groups = 1 if chart.kind == "stacked" else max(1, len(chart.series))
        bar_w = max(2.0, slot * 0.72 / groups)
        for i, cat in enumerate(chart.categories):
            x0 = LEFT + i * slot + (slot - bar_w * groups) / 2
            base = 0.0
            for j, s in enumerate(chart.series):
                v = s.values[i] or 0
                if not v:
                    continue
                x = x0 if chart.kind == "stacked" else x0 + j * bar_w
                lo, hi = (base, base + v) if chart.kind == "stacked" else (0, v)
                parted = ' stroke="#fff" stroke-width="1"' if chart.kind == "stacked" else ""
                out.append(f'<rect x="{x:.1f}" y="{y(hi):.1f}" width="{bar_w:.1f}" height="{y(lo) - y(hi):.1f}" '
                           f'fill="{s.color}"{parted}><title>{escape(cat)} · {escape(s.name)}: {_fmt(v)}</title></rect>')
                if chart.kind == "stacked":
                    base += v
    else:
        for s in chart.series:
            pts = [(LEFT + (i + 0.5) * slot, y(v)) for i, v in enumerate(s.values) if v is not None]
            if len(pts) > 1:
                d = " ".join(f"{x:.1f},{yy:.1f}" for x, yy in pts)
                out.append(f'<polyline points="{d}" fill="none" stroke="{s.color}" stroke-width="2.5"/>')
            for (x, yy), v in zip(pts, [v for v in s.values if v is not None], strict=True):
                out.append(f'<circle cx="{x:.1f}" cy="{yy:.1f}" r="3.5" fill="{s.color}">'
                           f'<title>{escape(s.name)}: {_fmt(v)}</title></circle>')
    every = max(1, -(-n // 10))  # at most ten x labels
    for i, cat in enumerate(chart.categories):
        if i % every == 0:
            x = LEFT + (i + 0.5) * slot
            out.append(f'<text class="tick" x="{x:.1f}" y="{TOP + plot_h + 16}" text-anchor="middle">'
                       f'{escape(_short(cat))}</text>')
    out.append(f'<line class="axis" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{TOP + plot_h}" y2="{TOP + plot_h}"/>')
    out.append(f'<text class="axis-label" x="{LEFT + plot_w / 2:.1f}" y="{HEIGHT - 30}" '
               f'text-anchor="middle">{escape(chart.x_label)}</text>')
    out.append(f'<text class="axis-label" transform="translate(14 {TOP + plot_h / 2:.1f}) rotate(-90)" '
               f'text-anchor="middle">{escape(chart.y_label)}</text>')
    lx = LEFT
    for s in chart.series:  # legend along the bottom
        out.append(f'<rect x="{lx}" y="{HEIGHT - 14}" width="10" height="10" fill="{s.color}"/>')
        out.append(f'<text class="legend" x="{lx + 14}" y="{HEIGHT - 5}">{escape(s.name)}</text>')
        lx += 24 + 7 * len(s.name)
    out.append("</svg>")
    chart.svg = mark_safe("".join(out))
    return chart


def _short(label: str) -> str:
    """Week labels "2025-03-10" shown as "Mar 10"; other labels cut to 20 characters."""
    months = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()
    if len(label) == 10 and label[4] == "-" and label[7] == "-" and label[5:7].isdigit():
        return f"{months[int(label[5:7]) - 1]} {int(label[8:])}"
    return label if len(label) <= 20 else label[:19] + "…"
