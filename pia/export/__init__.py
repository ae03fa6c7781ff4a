"""Export: the assessment in other tools' formats.

The CNIL PIA application, a spreadsheet record of processing (GDPR Art. 30(1), GB/T 35273-2020 11.3) and
fideslang datasets and systems.

A room of the same rank as report: it reads the manifest and the assessment, and writes files for other tools.
"""
from __future__ import annotations

from pia._lazy import exports

__getattr__, __dir__, __all__ = exports(__name__, {
    "cnil_pia": "pia.export.cnil",
    "Table": "pia.export.ropa",
    "ropa_tables": "pia.export.ropa",
    "to_csv": "pia.export.ropa",
    "to_xlsx": "pia.export.ropa",
    "fideslang_document": "pia.export.fides",
})
