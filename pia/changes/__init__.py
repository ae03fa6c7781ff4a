"""Review: semantic diff of two manifest versions, classification under the significant-change rules, the notice.

Decides whether users must be notified, how, and whether fresh consent is needed; `render` turns a review into text.
"""
from __future__ import annotations

from pia._lazy import exports

__getattr__, __dir__, __all__ = exports(__name__, {
    "review": "pia.changes.rules",
    "ChangeReview": "pia.changes.rules",
    "diff": "pia.changes.diff",
    "draft_notice": "pia.changes.notice",
    "TRIGGERS": "pia.changes.rules",
    "render_table": "pia.changes.render",
    "render_markdown": "pia.changes.render",
})
