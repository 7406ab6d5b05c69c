"""``threadguard report``: a batch output folder as one HTML page for a newsroom editor.

:mod:`.data` reads the figures (Arrow, column-wise), :mod:`.charts` draws them as inline
SVG, :mod:`.page` renders the template. The page is self-contained: no script, no
network, every text escaped, abusive comments blurred until clicked.
"""

from pathlib import Path

from threadguard.report.data import ReportData, ReportError, read_report
from threadguard.report.files import replace_text
from threadguard.report.page import render_report

__all__ = ["ReportData", "ReportError", "read_report", "render_report", "write_report"]


def write_report(folder: Path, out: Path) -> ReportData:
    """Read ``folder`` (a batch output) and write its report to ``out``."""
    data = read_report(folder)
    page = render_report(data)
    # written beside and renamed (a file; a pipe, a device or a folder as it is): on a
    # full disk the report a newsroom reads was emptied, or cut to the head of the new one
    try:
        replace_text(out, page)
    except OSError as exc:  # no such folder, a folder, no permission, a full disk
        wrong_path = isinstance(exc, (FileNotFoundError, NotADirectoryError, IsADirectoryError))
        raise ReportError(
            f"{out}: cannot write the report: {exc.strerror or exc}", failure=not wrong_path
        ) from None
    return data
