"""`python main.py lessons --verify | head -1`: the reader leaving early is not an error
(it printed 'internal problem (BrokenPipeError)' and a traceback)."""
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_a_reader_that_leaves_early_gets_no_traceback():
    proc = subprocess.Popen([sys.executable, "main.py", "lessons", "--verify", "--lesson", "3", "5"],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    first = proc.stdout.readline()
    proc.stdout.close()                      # as `head -1` does
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=120) == 0
    assert first.startswith(b"PASS 3 ")
    assert "Traceback" not in err and "internal problem" not in err, err
