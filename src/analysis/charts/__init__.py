"""Chart builders: tidy frame in, `go.Figure` out, one shared look (plotly.express style)."""

from analysis.charts.theme import PALETTE, TEMPLATE

__all__ = ["PALETTE", "TEMPLATE"]
