"""``threadguard batch``: score an archive of comments on Dask, resumably, into Parquet.

The flow, one module a step: :mod:`.inputs` (files, globs, kinds, hashes) → :mod:`.rows`
and :mod:`.grouping` (row inputs into whole threads, in bounded memory) → :mod:`.plan`
(threads into numbered partitions, the same on every run) → :mod:`.scoring` (a worker
scores and decides a partition on the moderation core) → :mod:`.table` (the Parquet
columns) → :mod:`.output` (atomic files) and :mod:`.manifest` (the job's identity and
counts); :mod:`.runner` drives it on a Dask cluster. Nothing here knows the terminal.
"""

from threadguard.batch.runner import BatchJob, BatchResult, JobRefused, run_batch
from threadguard.batch.scoring import Recipe

__all__ = ["BatchJob", "BatchResult", "JobRefused", "Recipe", "run_batch"]
