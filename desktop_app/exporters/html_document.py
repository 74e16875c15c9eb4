"""A plain document (``exporters.document``) as one self-contained, accessible web page, for
councils that publish HTML rather than PDF.

- ``<html lang="en-GB">``, a ``<title>``, the document's title as ``<h1>``, sections as
  ``<h2>`` and parts as ``<h3>``;
- tables with a ``<caption>``, a ``<thead>`` of ``<th scope="col">`` cells, a meeting band as
  a ``<th scope="colgroup">`` row heading the rows under it, and ``<th scope="row">`` where a
  cell heads its row (the minutes' attendance);
- marks in words as well as colour: a badge is its word in a ``<strong>`` on its colour;
- no script, no external file: one inline style sheet; every text escaped.
"""

from __future__ import annotations

import html
import os
from pathlib import Path

from desktop_app.exporters import document as d
from desktop_app.exporters.atomic import write_whole

_CSS = """
body{font-family:Arial,Helvetica,sans-serif;color:#1a1a1a;margin:1.5em auto;max-width:80em;
padding:0 1em;line-height:1.4}
h1,h2,h3{color:#1f3a5f}h1{font-size:1.7em;margin-bottom:.2em}h2{font-size:1.3em}
h3{font-size:1.1em}
.subtitle{color:#1f3a5f;font-size:1.2em;font-weight:600;margin-top:0}
.small{color:#5a6472;font-size:.9em}.note{color:#5a6472;font-style:italic}
.exempt{color:#9f1d14;font-weight:bold}.label{color:#1f3a5f;font-weight:bold}
.marking{border:2px solid #9f1d14;color:#9f1d14;font-weight:bold;padding:.3em .6em;
display:inline-block}
.legend{list-style:none;padding:0}.legend li{margin:.2em 0}
.badge{color:#fff;font-weight:bold;font-size:.85em;padding:0 .35em;border-radius:2px}
table{border-collapse:collapse;width:100%;margin:.4em 0 1.2em}
caption{text-align:left;font-weight:bold;color:#1f3a5f;padding:.3em 0}
th,td{border:1px solid #c9d2de;padding:.3em .45em;vertical-align:top;text-align:left}
thead th{background:#1f3a5f;color:#fff}
th.band{background:#e4eaf2;color:#1f3a5f}
th[scope=row]{color:#1f3a5f;white-space:nowrap}
footer{color:#5a6472;font-size:.85em;border-top:1px solid #c9d2de;margin-top:2em}
"""


def _e(text: str) -> str:
    return html.escape(d.clean(text), quote=True)


def _colour(code: str) -> str:
    """A colour from the model ("RRGGBB"), checked, for a style attribute."""
    code = code.strip()
    if len(code) == 6 and all(c in "0123456789abcdefABCDEF" for c in code):
        return f"#{code}"
    return ""


def _run(run: d.Run) -> str:
    text = _e(run.text).replace("\n", "<br>")
    if run.badge:
        fill = _colour(run.badge)
        style = f' style="background:{fill}"' if fill else ""
        return f'<strong class="badge"{style}>{text}</strong>'
    colour = _colour(run.colour)
    if colour:
        text = f'<span style="color:{colour}">{text}</span>'
    if run.italic:
        text = f"<em>{text}</em>"
    if run.bold:
        text = f"<strong>{text}</strong>"
    return text


def _cell(runs: d.Cell) -> str:
    """A table cell's runs, each on a line of its own (as the PDF lays them out)."""
    return "<br>".join(_run(r) for r in runs if r.text)


def _paragraph(block: d.Para) -> str:
    body = "".join(_run(r) for r in block.runs)
    classes = [] if block.style == "body" else [block.style]
    style = ""
    if block.bullet:
        body = f"{_e(block.bullet)} {body}"
        style = f' style="margin-left:{1.5 * block.indent:.1f}em"'
    cls = f' class="{" ".join(classes)}"' if classes else ""
    return f"<p{cls}{style}>{body}</p>"


def _legend(legend: d.Legend) -> str:
    items = "".join(f"<li>{_run(d.Run(e.label, badge=e.fill))} "
                    f"{_run(d.Run(e.text, colour=e.colour))}</li>" for e in legend.entries)
    return f'<ul class="legend" aria-label="Key">{items}</ul>'


def _table(table: d.Table) -> str:
    out = ["<table>"]
    if table.caption:
        out.append(f"<caption>{_e(table.caption)}</caption>")
    width = len(table.columns) or max((len(r.cells) for r in table.rows), default=1)
    if table.columns:
        heads = "".join(f'<th scope="col">{_e(c)}</th>' for c in table.columns)
        out.append(f"<thead><tr>{heads}</tr></thead>")
    out.append("<tbody>")
    for row in table.rows:
        if row.band:
            note = f' <em>{_e(row.note)}</em>' if row.note else ""
            out.append(f'</tbody><tbody><tr><th scope="colgroup" colspan="{width}" '
                       f'class="band">{_e(row.band)}{note}</th></tr>')
            continue
        style = f' style="background:{_colour(row.fill)}"' if _colour(row.fill) else ""
        cells = []
        for index, runs in enumerate(row.cells):
            if table.row_headers and index == 0:
                cells.append(f'<th scope="row">{_cell(runs)}</th>')
            else:
                cells.append(f"<td>{_cell(runs)}</td>")
        out.append(f"<tr{style}>{''.join(cells)}</tr>")
    out.append("</tbody></table>")
    return "".join(out).replace("<tbody></tbody>", "")


def _block(block: d.Block) -> str:
    if isinstance(block, d.Heading):
        level = min(max(block.level, 1), 6)
        return f"<h{level}>{_e(block.text)}</h{level}>"
    if isinstance(block, d.Para):
        return _paragraph(block)
    if isinstance(block, d.Legend):
        return _legend(block)
    return _table(block)


def html_text(source: d.Document) -> str:
    """The document as one HTML page."""
    lang = _e(source.language)
    head = [
        "<!DOCTYPE html>",
        f'<html lang="{lang}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_e(source.title)}</title>",
    ]
    for name, value in (("description", source.subject), ("author", source.author),
                        ("keywords", ", ".join(source.keywords))):
        if value:
            head.append(f'<meta name="{name}" content="{_e(value)}">')
    head += [f"<style>{_CSS.strip()}</style>", "</head>", "<body>"]
    body = []
    for word in (source.marking, source.watermark):
        if word:
            body.append(f'<p class="marking">{_e(word)}</p>')
    body.append("<main>")
    body += [_block(b) for b in source.blocks]
    body.append("</main>")
    if source.header:
        body.append(f"<footer><p>{_e(source.header)}</p></footer>")
    return "\n".join([*head, *body, "</body>", "</html>", ""])


def write_html(path: str | os.PathLike[str], source: d.Document) -> Path:
    """Write ``source`` as a web page to ``path`` (UTF-8, whole or not at all)."""
    return write_whole(path, html_text(source).encode("utf-8"))


__all__ = ["html_text", "write_html"]
