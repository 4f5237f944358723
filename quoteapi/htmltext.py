"""HTML articles reduced to plain text, paragraph breaks kept.

Block elements (p, div, h1–h6, li, blockquote, …) become paragraphs separated by a blank
line, ``<br>`` a line break; script, style and other non-content elements are dropped.
Offsets in a response to HTML input point into this text, which the response returns.

>>> html_to_text("<h1>Title</h1><p>“Hi,” she said.<br>Next</p><script>x()</script>")
'Title\\n\\n“Hi,” she said.\\nNext'
"""
from __future__ import annotations

import re
import warnings

BLOCK_TAGS = {"address", "article", "aside", "blockquote", "dd", "div", "dl", "dt", "figcaption",
              "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main",
              "nav", "ol", "p", "pre", "section", "table", "tr", "ul", "td", "th", "caption"}
DROPPED_TAGS = {"script", "style", "noscript", "template", "head", "title", "iframe", "svg",
                "object", "embed", "canvas", "button", "select", "textarea", "form"}


_END_OF_BLOCK = object()


def _then_end(children):
    """The children of a block element, then a marker for its closing paragraph break."""
    yield from children
    yield _END_OF_BLOCK


def html_to_text(html: str) -> str:
    # Imported here: a process that only ever sees plain text never loads BeautifulSoup.
    from bs4 import BeautifulSoup, Comment, Declaration, Doctype, ProcessingInstruction, Tag
    from bs4 import MarkupResemblesLocatorWarning

    # An article that looks like a file name or an address ("https://…/story.html") is text to
    # read like any other, not a mistake worth a warning in the server's log on every request.
    warnings.filterwarnings("ignore", category=MarkupResemblesLocatorWarning)
    not_text = (Comment, Declaration, Doctype, ProcessingInstruction)  # <!-- … -->, <!DOCTYPE html>, <?xml …?>
    soup = BeautifulSoup(html, "html.parser")
    pieces: list[str] = []
    # Depth first with a stack of its own, not recursion: markup nested thousands deep
    # (30,000 unclosed <b>) must not overflow Python's stack.
    stack: list = [iter(soup.children)]
    while stack:
        child = next(stack[-1], None)
        if child is None:
            stack.pop()
            continue
        if child is _END_OF_BLOCK:
            pieces.append("\n\n")
            continue
        if isinstance(child, not_text):
            continue
        if isinstance(child, str):  # a NavigableString
            pieces.append(re.sub(r"\s+", " ", str(child)))
        elif isinstance(child, Tag):
            name = child.name.lower()
            if name in DROPPED_TAGS:
                continue
            if name == "br":
                pieces.append("\n")
            elif name in BLOCK_TAGS:
                pieces.append("\n\n")
                stack.append(_then_end(child.children))
            else:
                stack.append(iter(child.children))

    text = "".join(pieces)
    text = re.sub(r"[ \t]*\n[ \t]*", "\n", text)  # no blanks around line breaks
    text = re.sub(r"\n{3,}", "\n\n", text)
    text = re.sub(r"[ \t]{2,}", " ", text)
    return text.strip()
