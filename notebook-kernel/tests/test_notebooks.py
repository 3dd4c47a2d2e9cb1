"""Every notebook in notebooks/ executes top to bottom on its own kernel; any error fails.

Cells tagged "raises-exception" are meant to fail (they show how a rank's error looks) and
must fail. Then what each notebook printed is checked: the agreements it reports (distributed =
batch, one method = another, daal4j = NumPy/scikit-learn) must hold, and its plots must be there."""
import re

import nbformat
import pytest
from nbclient import NotebookClient

from conftest import REPO, descendants

NOTEBOOKS = sorted((REPO / "notebooks").glob("*.ipynb"))

# per notebook: lines it must print, numbers it prints that must be small (a pattern whose
# groups are numbers, their bound, how many numbers at least), and how many plots it shows
EXPECTED = {
    "01-getting-started.ipynb": dict(
        text=["rank 0 of 1", "hello from rank 3 of 4", "daal4j engine stopped"],
        # the cell meant to fail fails for its NaN, on rank 2
        errors=["rank 2", "NaN at row 0, column 1"],
        plots=0),
    "02-moments-and-covariance.ipynb": dict(
        text=["covariance equal: true", "correlation equal: true", "moments equal: true"],
        plots=1),
    "03-regressions-and-naive-bayes.ipynb": dict(
        text=["4 ranks = one process streaming: true", "normEqDense = qrDense: true",
              "LogTheta equal: true", "LogP equal: true", "accuracy: 2000 of 2000 test rows"],
        small=[(r"max \|Beta\(normEqDense\) - Beta\(qrDense\)\| = (\S+),", 1e-9, 4),
               # the test responses are ~1000 with noise of sd ~1.5: a wrong model is far off
               (r"^(?:linear, normEqDense|linear, qrDense|ridge, 1\.0) +(\S+) +(\S+)$", 2.0, 6)],
        plots=2),
    "04-qr-svd-pca.ipynb": dict(
        text=["projected my 250 rows onto 2 components"],
        small=[(r"max \|QR - X\| on my rows: (\S+)", 1e-10, 4),
               (r"explained variance share (\S+),", 1e-12, 1),
               (r"eigenvectors \(up to sign\) (\S+)", 1e-10, 1)],
        plots=3),
    "05-kmeans.ipynb": dict(
        text=["iteration 25  objective", "done after 25 iterations", "CsrMatrix 8000 x 20,",
              "lloydCSR: objective"],
        # the sparse cell: lloydCSR's centroids are the dense method's on the densified rows
        small=[(r"max \|centroids\(lloydCSR\) - centroids\(dense rows\)\| = (\S+)$", 1e-10, 1)],
        plots=2),
    "06-python-daal4j.ipynb": dict(
        text=["assignments equal to scikit-learn's labels: True"],
        small=[(r"max abs difference to [^\n]*? (\S+)$", 1e-9, 8),
               (r"relative difference to scikit-learn's inertia (\S+)", 1e-12, 1)],
        plots=2),
}


def printed(nb):
    """Everything the notebook's code cells printed or showed as text."""
    parts = []
    for cell in nb.cells:
        for o in cell.get("outputs", []) if cell.cell_type == "code" else []:
            if o.output_type == "stream":
                parts.append(o.text)
            elif o.output_type in ("execute_result", "display_data"):
                parts.append(o.data.get("text/plain", "") + "\n")
    return "".join(parts)


def plots(nb):
    """How many images the notebook shows (SVG from the Java kernel, PNG from matplotlib)."""
    return sum(1 for cell in nb.cells if cell.cell_type == "code" for o in cell.outputs
               if o.output_type in ("execute_result", "display_data")
               and ("image/svg+xml" in o.data or "image/png" in o.data))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_notebook_runs_top_to_bottom(jupyter_path, path):
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(nb, timeout=900, startup_timeout=180,
                            kernel_name=nb.metadata.kernelspec.name,
                            resources={"metadata": {"path": str(path.parent)}})
    client.execute()  # raises CellExecutionError on the first failing cell
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        errors = [o for o in cell.outputs if o.output_type == "error"]
        if "raises-exception" in cell.metadata.get("tags", []):
            # nbclient only allows these to fail; they are there to show a failure
            assert errors, f"{path.name}: {cell.source[:80]!r} is meant to fail but did not"
            said = " ".join([errors[0].evalue] + list(errors[0].traceback))
            for part in EXPECTED.get(path.name, {}).get("errors", []):
                assert part in said, f"{path.name}: {cell.source[:80]!r} failed without {part!r}: {said}"
        else:
            assert not errors, f"{path.name}: {cell.source[:80]!r} failed: {errors[0].evalue}"
    expected = EXPECTED.get(path.name)
    assert expected, f"{path.name}: add what it must print to EXPECTED"
    text = printed(nb)
    for line in expected["text"]:
        assert line in text, f"{path.name}: {line!r} not printed; it printed:\n{text}"
    for pattern, bound, count in expected.get("small", []):
        found = re.findall(pattern, text, flags=re.MULTILINE)
        values = [float(v) for m in found for v in (m if isinstance(m, tuple) else (m,))]
        assert len(values) >= count, f"{path.name}: {pattern!r} printed {len(values)} times, not {count}:\n{text}"
        assert max(abs(v) for v in values) <= bound, f"{path.name}: {pattern!r} gave {values}, above {bound}"
    assert plots(nb) == expected["plots"], f"{path.name}: {plots(nb)} plots, expected {expected['plots']}"


def test_every_family_has_a_notebook():
    names = " ".join(p.name for p in NOTEBOOKS)
    for family in ("getting-started", "moments-and-covariance", "regressions-and-naive-bayes", "qr-svd-pca",
                   "kmeans", "python"):
        assert family in names
