"""The package installs whole: a wheel built from the project, installed in a fresh virtual
environment away from the checkout, serves the page with its sample article."""
import json
import os
import subprocess
import sys
import sysconfig
import time
import urllib.request

import pytest

from conftest import ROOT, free_port

pytestmark = pytest.mark.slow  # builds a wheel, makes a venv, starts gunicorn


def test_the_wheel_serves_the_page_and_its_sample(tmp_path):
    dist = tmp_path / "dist"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps",
                    "-w", str(dist), str(ROOT)], check=True)
    [wheel] = dist.glob("quoteapi-*.whl")
    fresh = tmp_path / "fresh"
    subprocess.run([sys.executable, "-m", "venv", str(fresh)], check=True)
    python = fresh / "bin" / "python"
    subprocess.run([str(python), "-m", "pip", "install", "--quiet", "--no-deps", "--no-index", str(wheel)], check=True)
    # The dependencies come from this environment (nothing is downloaded); the package itself
    # only from the wheel: the fresh site-packages comes first on the path.
    site = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                          check=True, capture_output=True, text=True).stdout.strip()
    (fresh / site.split(str(fresh) + "/")[1] / "deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    where = subprocess.run([str(python), "-c", "import quoteapi; print(quoteapi.__file__)"],
                           check=True, capture_output=True, text=True, cwd=tmp_path).stdout
    assert where.startswith(str(fresh))

    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("QUOTEAPI_")}
    env.update(QUOTEAPI_RATE_LIMIT="off", WEB_CONCURRENCY="1", PATH="/usr/bin:/bin")  # no .venv/bin on PATH
    log = open(tmp_path / "serve.log", "w")
    proc = subprocess.Popen([str(fresh / "bin" / "quoteapi"), "serve", "--port", str(port)], cwd=tmp_path, env=env,
                            stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            assert proc.poll() is None, (tmp_path / "serve.log").read_text()[-2000:]
            try:
                urllib.request.urlopen(base + "/healthz", timeout=2)
                break
            except OSError:
                assert time.monotonic() < deadline, "the installed server did not answer"
                time.sleep(0.5)
        assert b"quoteapi" in urllib.request.urlopen(base + "/", timeout=10).read()
        sample = urllib.request.urlopen(base + "/samples/niger-junta-diplomacy.txt", timeout=10).read()
        assert sample == (ROOT / "seeds" / "niger-junta-diplomacy.txt").read_bytes()
        req = urllib.request.Request(base + "/v1/quotes", data=sample, headers={"Content-Type": "text/plain"})
        names = {s["name"] for s in json.load(urllib.request.urlopen(req, timeout=60))["speakers"]}
        assert {"Victoria Nuland", "Antony Blinken"} <= names
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        log.close()
    schemas = subprocess.run([str(fresh / "bin" / "quoteapi"), "schemas", "--out", "out"], cwd=tmp_path, env=env,
                             capture_output=True, text=True)
    assert schemas.returncode == 0 and (tmp_path / "out" / "openapi.json").exists()
