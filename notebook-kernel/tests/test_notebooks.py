"""Every notebook in notebooks/ executes top to bottom on its own kernel; any error fails.

Cells tagged "raises-exception" are meant to fail (they show how a rank's error looks) and
must fail: nbclient checks both ways."""
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from conftest import REPO, descendants

NOTEBOOKS = sorted((REPO / "notebooks").glob("*.ipynb"))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_notebook_runs_top_to_bottom(jupyter_path, path):
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(nb, timeout=900, startup_timeout=180,
                            kernel_name=nb.metadata.kernelspec.name,
                            resources={"metadata": {"path": str(path.parent)}})
    client.execute()  # raises CellExecutionError on the first failing cell
    for cell in nb.cells:
        if cell.cell_type == "code" and "raises-exception" not in cell.metadata.get("tags", []):
            errors = [o for o in cell.outputs if o.output_type == "error"]
            assert not errors, f"{path.name}: {cell.source[:80]!r} failed: {errors[0].evalue}"


def test_every_family_has_a_notebook():
    names = " ".join(p.name for p in NOTEBOOKS)
    for family in ("getting-started", "moments-and-covariance", "qr-svd-pca", "kmeans"):
        assert family in names
