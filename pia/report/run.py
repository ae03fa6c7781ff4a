"""The management report: run the report notebook with papermill and convert it into one offline HTML page.

nbconvert writes one self-contained page, written whole (only if every cell ran).

The notebook calls `gather`, the `*_html` sections, `show` and `record` through `pia.report`'s lazy exports.
"""
from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import sys
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pia import config
from pia.errors import InputError, PiaError, Problem
from pia.i18n import N_
from pia.report.data import (
    VERSIONED,
    AttachedValidation,
    ReportData,
    ValidationJob,
    attach_validation,
    change_phrase,
    gather,
    input_files,
    manifest_names,
    method_grid,
    provenance,
    sha256_file,
    start_validation,
    versions,
)
from pia.report.sections import (
    BREAK,
    HTML_LANG,
    action_plan,
    appendix_html,
    changes_html,
    data_html,
    discovery_html,
    esc,
    findings_html,
    markdown_html,
    risk_html,
    screening_criteria,
    summary_html,
    validation_html,
)
from pia.report.params import PATH_PARAMS, REPORT_PARAMS, ReportParams, declares_datasets, load_params

REPORT_NOTEBOOK = config.REPORT_NOTEBOOK
TEMPLATE_DIR = config.PACKAGE_DATA / "report"
SUMMARY_MIMETYPE = "application/vnd.pia.summary+json"
DEFAULT_TITLE = N_("Privacy impact assessment")


class ReportError(PiaError):
    """A cell of the report notebook raised: carries the cell and the kept, partly executed notebook."""

    def __init__(self, message: str, cell: int | None, notebook: Path | None, ename: str = ""):
        super().__init__(message)
        self.cell = cell
        self.notebook = notebook
        self.ename = ename


# --------------------------------------------------------------------------- display in the notebook


def show(obj: Any, name: str = "") -> None:
    """Display an HTML section or a plotly figure so that nbconvert keeps it and JupyterLab renders it.

    A figure goes out as plotly's JSON (for JupyterLab) plus an HTML fragment that calls the plotly.js the
    report template embeds once (for the HTML report); no renderer is configured globally.
    """
    from IPython.display import HTML, display

    if isinstance(obj, str):
        display(HTML(obj))
        return
    div_id = "fig-" + re.sub(r"[^a-z0-9_-]", "-", (name or "figure").lower())
    fragment = obj.to_html(include_plotlyjs=False, full_html=False, div_id=div_id,
                           config={"displaylogo": False, "responsive": True})
    display({"application/vnd.plotly.v1+json": obj.to_plotly_json(),
             "text/html": f'<div class="pia-figure">{fragment}</div>'}, raw=True)


def record(r: ReportData) -> None:
    """Put the verdict into the executed notebook, where `run_report` reads it (not shown in the HTML)."""
    from IPython.display import display

    display({SUMMARY_MIMETYPE: r.summary(), "text/plain": ""}, raw=True)


# --------------------------------------------------------------------------- running


@dataclass
class ReportRun:
    """Where a finished report was written and what it concluded."""

    directory: Path
    html: Path
    notebook: Path
    summary: dict[str, Any]


def report_dir(params: ReportParams, out: str | os.PathLike[str] | None = None) -> Path:
    """`<out>/<as_of>-<service id>/` (out defaults to reports/ of the project)."""
    from pia.declare.manifest import load_manifest

    m = load_manifest(params.manifest)
    return Path(out or config.reports_dir()) / f"{params.as_of}-{m.service.id}"


def make_report_dir(directory: Path, out: Path) -> None:
    """Create the report's directory under `out`; InputError naming `out` if it cannot be a directory.

    Raises
    ------
    InputError
        `out` or one of its parents is a file, or the directory cannot be created (permissions, ...).
    """
    shown = config.display_path(out)
    for parent in (out, *out.parents):
        if parent.exists():
            if not parent.is_dir():
                what = "not a directory" if parent == out else f"{config.display_path(parent)} is a file"
                raise InputError(Problem(shown, f"{what}; --out names the directory the report is written under"))
            break
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(Problem(shown, f"cannot create the report directory: {exc.strerror or exc}")) from None


def run_report(params: ReportParams, out: str | os.PathLike[str] | None = None, params_file: str | Path = "",
               notebook: str | os.PathLike[str] | None = None, progress: bool = False) -> ReportRun:
    """Execute the report notebook with papermill, then write its HTML whole, only if every cell ran.

    Parameters
    ----------
    params
        Parameters of the run (`load_params`).
    out
        Directory under which `<as_of>-<service id>/` is made; default reports/ of the project.
    params_file
        The params file used, recorded in the provenance.
    notebook
        Notebook to execute; default notebooks/assessment_report.ipynb.
    progress
        Show papermill's progress bar on stderr.

    Returns
    -------
    ReportRun
        Paths of `report.html` and `report.ipynb`, and the verdict read back from the executed notebook.

    Raises
    ------
    InputError
        The manifest is invalid, or `out` cannot be a directory (found before any kernel starts).
    ReportError
        A cell raised: the error names the cell; the partly executed notebook is kept as
        `report.failed.ipynb`, no HTML is written, and an earlier report in the directory is left intact.
    """
    directory = report_dir(params, out)  # validates the manifest first: bad input fails before any kernel
    make_report_dir(directory, Path(out or config.reports_dir()))
    lock = lock_report_dir(directory)  # one run at a time per report directory; a second one fails at once
    try:
        return _run_locked(params, directory, params_file, notebook, progress)
    finally:
        os.close(lock)  # closing the descriptor releases the lock (also when the process dies)


def lock_report_dir(directory: Path) -> int:
    """Take the report directory's lock (`flock` on the directory itself); InputError if another run holds it.

    Two runs into one report directory would share `report.partial.ipynb` and `report.html`; the second run
    fails cleanly (exit 2) before starting a kernel, instead of breaking the first run's files.
    """
    import fcntl

    fd = os.open(directory, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        raise InputError(Problem(config.display_path(directory), "another pia report is writing this report "
                                 "now; run again when it has finished")) from None
    return fd


def _run_locked(params: ReportParams, directory: Path, params_file: str | Path,
                notebook: str | os.PathLike[str] | None, progress: bool) -> ReportRun:
    # The dataset checks start first, in their own process: they are the longest part and need no kernel.
    # A private directory per run holds the validation status, the kernel's connection file and its ipc
    # sockets: runs started side by side (even from one working directory) never share a name.
    private = Path(tempfile.mkdtemp(prefix="pia-report-"))
    status = private / "validation.status.json"
    # no datasets declared: nothing to validate the tables against, the report runs the discovery scan alone
    job = ValidationJob(params.estate, params.manifest, params.columns, params.as_of, status) \
        if params.estate and declares_datasets(params.manifest) else None
    try:
        return _execute(params, directory, job, status, params_file, notebook, progress)
    finally:
        if job is not None:
            job.close()
        shutil.rmtree(private, ignore_errors=True)


def _execute(params: ReportParams, directory: Path, job: ValidationJob | None, status: Path,
             params_file: str | Path, notebook: str | os.PathLike[str] | None, progress: bool) -> ReportRun:
    import papermill as pm
    from papermill.exceptions import PapermillExecutionError

    from pia.output import write_atomic

    source = Path(notebook) if notebook else REPORT_NOTEBOOK
    partial = directory / "report.partial.ipynb"
    failed = directory / "report.failed.ipynb"
    run_started = dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    # nbconvert's import overlaps the kernel's work (this process mostly waits on the kernel meanwhile).
    warm = threading.Thread(target=_warm_converter, name="pia-nbconvert-import", daemon=True)
    warm.start()
    values = params.model_dump()  # an empty `lang` is resolved by the kernel's gather (manifest, then locale)
    values.update(params_file=str(params_file or ""), run_started=run_started,
                  validation_status=str(status) if job is not None else "")
    try:
        pm.execute_notebook(str(source), str(partial), parameters=values, progress_bar=progress,
                            kernel_name="python3", cwd=str(config.PROJECT_ROOT), log_output=False,
                            kernel_manager_class=_ipc_kernel_manager(status.parent))
    except PapermillExecutionError as exc:
        os.replace(partial, failed)
        lines = str(exc.evalue).strip().splitlines()
        # An input error found inside the kernel keeps its one-line-per-problem form; others give their first line.
        first = "; ".join(lines[:5]) if exc.ename == "InputError" else (lines[0] if lines else "")
        code = next((ln.strip() for ln in str(exc.source or "").splitlines() if ln.strip()
                     and not ln.lstrip().startswith("#")), "")
        code = code if len(code) <= 60 else code[:59] + "…"
        index = _cell_index(failed, exc.exec_count, exc.cell_index)
        raise ReportError(f"cell {index} (In [{exc.exec_count}]: {code}) raised {exc.ename}: {first}; "
                          f"partly executed notebook kept at {config.display_path(failed)}; no HTML written",
                          index, failed, exc.ename) from None
    except Exception as exc:  # the kernel died or could not start: keep what ran, as for a failing cell
        if partial.exists():
            os.replace(partial, failed)
        raise ReportError(f"the report notebook could not run: {type(exc).__name__}: {exc}; no HTML written",
                          None, failed if failed.exists() else None, type(exc).__name__) from exc
    import nbformat

    nb = nbformat.read(str(partial), as_version=4)
    warm.join()
    page = to_html(nb)
    html_path = directory / "report.html"
    write_atomic(html_path, page)
    os.chmod(html_path, 0o644)  # a report is for reading by others (write_atomic's temp file is 0600)
    final = directory / "report.ipynb"
    os.replace(partial, final)
    if failed.exists():
        failed.unlink()
    return ReportRun(directory, html_path, final, read_summary(nb))


def _warm_converter() -> None:
    import nbconvert.exporters.html  # noqa: F401
    from plotly.offline import get_plotlyjs

    get_plotlyjs()


def _ipc_kernel_manager(private: Path) -> type:
    """A kernel manager for this very interpreter, on local IPC sockets in the run's private directory.

    The kernel is `sys.executable`, whatever "python3" kernel spec a user has installed elsewhere (so the
    report runs with the pia that was invoked); nothing listens on TCP, and the kernel logs no warning about it.
    The connection file and the sockets live in `private` (jupyter_client's default for ipc is
    `kernel-ipc-<n>` in the working directory, whose names collide between concurrent runs).
    """
    from jupyter_client.kernelspec import KernelSpec
    from jupyter_client.manager import AsyncKernelManager

    class IpcKernelManager(AsyncKernelManager):
        def __init__(self, **kwargs: Any):
            kwargs.setdefault("transport", "ipc")
            kwargs.setdefault("connection_file", str(private / "kernel.json"))
            kwargs.setdefault("ip", str(private / "kernel-ipc"))
            super().__init__(**kwargs)
            self._kernel_spec = KernelSpec(argv=[sys.executable, "-m", "ipykernel_launcher", "-f",
                                                 "{connection_file}"],
                                           display_name="Python 3 (pia)", language="python")

        async def _async_interrupt_kernel(self) -> None:
            # jupyter_client sends SIGINT before every shutdown request; the kernel is idle by then and would
            # only log "KeyboardInterrupt caught in kernel" on our stderr. The shutdown request (then SIGTERM,
            # SIGKILL after `shutdown_wait_time`) still stops it.
            if self.shutting_down:
                return
            await super()._async_interrupt_kernel()

    return IpcKernelManager


def _cell_index(path: Path, exec_count: int | None, fallback: int) -> int:
    """Index of the failed cell in the kept notebook (papermill inserts an error banner cell at the top)."""
    import nbformat

    try:
        cells = nbformat.read(str(path), as_version=4).cells
    except Exception:  # noqa: BLE001 - the message still names In [n]
        return fallback
    return next((i for i, c in enumerate(cells) if c.get("cell_type") == "code"
                 and exec_count is not None and c.get("execution_count") == exec_count), fallback)


def read_summary(nb: Any) -> dict[str, Any]:
    """The verdict `record` put into an executed notebook."""
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            data = out.get("data", {})
            if SUMMARY_MIMETYPE in data:
                return dict(data[SUMMARY_MIMETYPE])
    raise PiaError("the executed report notebook holds no verdict (pia.report.record was not called)")


def to_html(nb: Any) -> str:
    """Convert an executed notebook to one offline HTML page: inputs hidden, plotly.js embedded once."""
    from nbconvert import HTMLExporter
    from nbconvert.preprocessors import Preprocessor, TagRemovePreprocessor
    from plotly.offline import get_plotlyjs

    class DropStderr(Preprocessor):
        """Warnings from libraries are for the analyst's log, not for management."""

        def preprocess_cell(self, cell, resources, index):  # type: ignore[no-untyped-def]
            if cell.get("cell_type") == "code":
                cell.outputs = [o for o in cell.get("outputs", [])
                                if not (o.get("output_type") == "stream" and o.get("name") == "stderr")
                                and not (o.get("output_type") == "display_data"
                                         and set(o.get("data", {})) <= {SUMMARY_MIMETYPE, "text/plain"})]
            return cell, resources

    from pia.i18n import _, normalize_language, translations, use_language

    try:
        lang = normalize_language(read_summary(nb).get("lang")) or "en"
    except PiaError:
        lang = "en"
    exporter = HTMLExporter(template_name="pia", extra_template_basedirs=[str(TEMPLATE_DIR)],
                            exclude_input=True, exclude_input_prompt=True, exclude_output_prompt=True,
                            embed_images=True)
    # The page's own words (title, footer) in the report's language: Jinja2's i18n extension on nbconvert's
    # environment, as on the sections' templates.
    exporter.environment.add_extension("jinja2.ext.i18n")
    exporter.environment.install_gettext_translations(translations(lang), newstyle=True)
    remover = TagRemovePreprocessor(remove_cell_tags={"remove-cell", "parameters", "injected-parameters"},
                                    enabled=True)
    exporter.register_preprocessor(remover, enabled=True)
    exporter.register_preprocessor(DropStderr(), enabled=True)
    css = (TEMPLATE_DIR / "pia" / "report.css").read_text(encoding="utf-8")
    with use_language(lang):  # the notebook's title (the shipped one is the kit's msgid) in the report's language
        title = _(str(nb.metadata.get("title") or DEFAULT_TITLE))
    body, _resources = exporter.from_notebook_node(nb, resources={
        "pia_css": css, "plotly_js": get_plotlyjs(), "pia_lang": HTML_LANG.get(lang, lang), "pia_title": title})
    return body


__all__ = [
    "BREAK",
    "PATH_PARAMS",
    "REPORT_NOTEBOOK",
    "REPORT_PARAMS",
    "SUMMARY_MIMETYPE",
    "TEMPLATE_DIR",
    "VERSIONED",
    "AttachedValidation",
    "ReportData",
    "ReportError",
    "ReportParams",
    "ReportRun",
    "ValidationJob",
    "action_plan",
    "appendix_html",
    "attach_validation",
    "change_phrase",
    "changes_html",
    "data_html",
    "discovery_html",
    "esc",
    "findings_html",
    "gather",
    "input_files",
    "load_params",
    "make_report_dir",
    "manifest_names",
    "markdown_html",
    "method_grid",
    "provenance",
    "read_summary",
    "record",
    "report_dir",
    "risk_html",
    "run_report",
    "screening_criteria",
    "sha256_file",
    "show",
    "start_validation",
    "summary_html",
    "to_html",
    "validation_html",
    "versions",
]
