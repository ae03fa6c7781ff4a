"""Report: the notebooks run by papermill into a self-contained HTML page, with figures and sections.

The last room of the flow: reads every capability's results, writes `reports/`.
"""
from __future__ import annotations

from pia._lazy import exports

__getattr__, __dir__, __all__ = exports(__name__, {
    "VERSIONED": "pia.report.data",
    "AttachedValidation": "pia.report.data",
    "ReportData": "pia.report.data",
    "ValidationJob": "pia.report.data",
    "attach_validation": "pia.report.data",
    "change_phrase": "pia.report.data",
    "gather": "pia.report.data",
    "input_files": "pia.report.data",
    "manifest_names": "pia.report.data",
    "method_grid": "pia.report.data",
    "provenance": "pia.report.data",
    "sha256_file": "pia.report.data",
    "start_validation": "pia.report.data",
    "versions": "pia.report.data",
    "trigger_text": "pia.report.data",
    "BREAK": "pia.report.sections",
    "action_plan": "pia.report.sections",
    "appendix_html": "pia.report.sections",
    "changes_html": "pia.report.sections",
    "data_html": "pia.report.sections",
    "discovery_html": "pia.report.sections",
    "esc": "pia.report.sections",
    "markdown_html": "pia.report.sections",
    "risk_html": "pia.report.sections",
    "screening_criteria": "pia.report.sections",
    "summary_html": "pia.report.sections",
    "validation_html": "pia.report.sections",
    "PATH_PARAMS": "pia.report.params",
    "REPORT_PARAMS": "pia.report.params",
    "ReportParams": "pia.report.params",
    "load_params": "pia.report.params",
    "ReportError": "pia.report.run",
    "show": "pia.report.run",
    "record": "pia.report.run",
    "ReportRun": "pia.report.run",
    "report_dir": "pia.report.run",
    "make_report_dir": "pia.report.run",
    "run_report": "pia.report.run",
    "read_summary": "pia.report.run",
    "to_html": "pia.report.run",
})
