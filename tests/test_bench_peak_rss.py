"""``threadguard bench`` prints the process's peak RSS: its other memory figures (model
weights 44 MiB, peak while scoring 15 MiB) were ~10x below a serve worker's 404-470 MB."""

from __future__ import annotations

import re
import resource

import threadguard.bench as bench


def test_the_peak_rss_line_reports_the_process_peak_in_mib() -> None:
    line = bench.peak_rss_line()
    found = re.fullmatch(r"memory: this process's peak RSS (\d+) MiB \(.*\)", line)
    assert found, line
    expected = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 / 2**20
    assert abs(int(found.group(1)) - expected) <= 2  # KiB on Linux: a test run is >20 MiB
    assert int(found.group(1)) > 20
