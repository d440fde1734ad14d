"""The child processes of untrusted work (sandbox.isolation): what code in them cannot do.

Each test runs real code in a real child, as generated code or a template's output
would: it tries to escape, and the test asserts it could not. The jail (namespaces) is
required on Linux as root, where CI runs; elsewhere the tests of what the jail adds are
skipped with the reason, and those of the process group, descriptors and output run.
"""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from conftest import RunCli

from schemacog.sandbox.isolation import ChildFailed, isolation, kill, run_limited, start

CANARY = "isolation-canary-never-seen"

jailed = pytest.mark.skipif(
    not isolation().jailed and not (sys.platform == "linux" and os.geteuid() == 0),
    reason=f"no jail here: {isolation().summary}",
)


def _run(code: str, project: Path | None = None, stdin: str = "", timeout: int = 30) -> str:
    done = run_limited(
        ["-c", textwrap.dedent(code)],
        stdin,
        cpu_seconds=20,
        memory_bytes=2 * 1024**3,
        timeout=timeout,
        project=project,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_the_jail_is_there_where_ci_runs() -> None:
    if sys.platform == "linux" and os.geteuid() == 0:
        assert isolation().jailed, isolation().summary


@jailed
def test_no_ancestor_is_visible_nor_its_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SCHEMACOG_CANARY", CANARY)
    code = """
        import json, os, sys
        ancestors = json.loads(sys.stdin.read())
        seen = {}
        for pid in ancestors:
            try:
                seen[pid] = open(f"/proc/{pid}/environ", "rb").read().decode(errors="replace")
            except OSError as exc:
                seen[pid] = type(exc).__name__
        print(json.dumps({"pids": sorted(p for p in os.listdir("/proc") if p.isdigit()),
                          "seen": seen, "env": dict(os.environ)}))
    """
    ancestors = [os.getpid(), os.getppid(), 1]
    answer = json.loads(_run(code, stdin=json.dumps(ancestors)))
    assert CANARY not in json.dumps(answer)
    assert all(
        value in ("FileNotFoundError", "PermissionError") or str(pid) == "1"
        for pid, value in answer["seen"].items()
    ), answer["seen"]
    assert len(answer["pids"]) <= 3, answer["pids"]  # the jail's init and the program
    # PATH, and the locale Python sets for itself (PEP 538)
    assert answer["env"]["PATH"] == "/usr/bin:/bin"
    assert set(answer["env"]) <= {"PATH", "LC_CTYPE"}


@jailed
def test_it_writes_only_in_its_own_temporary_folder(tmp_path: Path) -> None:
    home = Path.home()
    targets = [
        tmp_path / "CANARY",
        home / "CANARY",
        Path("/var/tmp/CANARY"),
        Path("/dev/shm/CANARY"),
        Path(sys.prefix) / "CANARY",
    ]
    code = f"""
        import json, os
        wrote = []
        for path in {[str(t) for t in targets]!r}:
            try:
                with open(path, "w") as f:
                    f.write("x")
                wrote.append(path)
            except OSError:
                pass
        with open("own-file", "w") as f:
            f.write("fine")
        print(json.dumps({{"wrote": wrote, "cwd": os.getcwd()}}))
    """
    answer = json.loads(_run(code, project=tmp_path))
    assert answer["wrote"] == []
    assert answer["cwd"] == "/tmp"
    assert not any(t.exists() for t in targets)
    assert not Path("/tmp/own-file").exists()  # its /tmp is its own, and gone


@jailed
def test_it_reads_nothing_of_the_project_or_home(tmp_path: Path) -> None:
    (tmp_path / ".env").write_text(f"TOKEN={CANARY}\n", encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "config").write_text(f"token = {CANARY}\n", encoding="utf-8")
    code = f"""
        import os
        for path in [{str(tmp_path / ".env")!r}, {str(tmp_path / ".git" / "config")!r},
                     os.path.expanduser("~root") + "/.bash_history", "/etc/shadow"]:
            try:
                print(open(path).read())
            except OSError as exc:
                print(type(exc).__name__)
    """
    assert CANARY not in _run(code, project=tmp_path)


@jailed
def test_it_has_no_network_and_no_server_socket(tmp_path: Path) -> None:
    listener = socket.create_server(("127.0.0.1", 0))
    port = listener.getsockname()[1]
    unix = tmp_path / "server.sock"
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(unix))
    server.listen()
    code = f"""
        import socket
        try:
            socket.create_connection(("127.0.0.1", {port}), timeout=3)
            print("tcp connected")
        except OSError as exc:
            print("tcp", type(exc).__name__)
        for path in [{str(unix)!r}, "/run/postgresql/.s.PGSQL.5432", "/run/mysqld/mysqld.sock"]:
            s = socket.socket(socket.AF_UNIX)
            try:
                s.connect(path)
                print("unix connected", path)
            except OSError as exc:
                print("unix", type(exc).__name__)
    """
    try:
        out = _run(code, project=tmp_path)
    finally:
        listener.close()
        server.close()
    assert "connected" not in out, out


def _processes_with(token: str) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if token.encode() in (entry / "cmdline").read_bytes():
                    found.append(int(entry.name))
            except OSError:
                continue
    return found


@pytest.mark.skipif(sys.platform != "linux", reason="reads /proc")
def test_what_it_leaves_running_is_killed_and_never_waited_for() -> None:
    token = f"schemacog-daemon-{os.getpid()}-{time.monotonic_ns()}"
    code = f"""
        import os, subprocess
        # a daemon in a session of its own, holding the child's output open
        subprocess.Popen(["/bin/sh", "-c", "sleep 300 # {token}"], start_new_session=True)
        print("started")
    """
    started = time.monotonic()
    out = _run(code)
    assert "started" in out
    assert time.monotonic() - started < 20  # not the daemon's 300 s, nor the timeout
    for _ in range(50):
        if not _processes_with(token):
            break
        time.sleep(0.1)
    if isolation().jailed:  # its PID namespace died with it
        assert _processes_with(token) == []
    else:  # pragma: no cover - outside the jail a new session escapes the group
        for pid in _processes_with(token):
            os.kill(pid, 9)


def test_it_inherits_no_descriptor_and_has_its_own_session(tmp_path: Path) -> None:
    kept = os.open(tmp_path / "open-file", os.O_CREAT | os.O_WRONLY)
    os.set_inheritable(kept, True)
    try:
        code = """
            import json, os, sys
            print(json.dumps(sorted(int(f) for f in os.listdir("/proc/self/fd"))), flush=True)
            sys.stdin.read()
        """
        child = start(
            ["-c", textwrap.dedent(code)], cpu_seconds=20, memory_bytes=2 * 1024**3, project=None
        )
    finally:
        os.close(kept)
    with child:
        try:
            assert child.stdout is not None
            fds = json.loads(child.stdout.readline())
            # Seen from here (inside a PID namespace, a session led from outside it reads
            # as 0, so the child's own view of its session proves nothing): the child
            # leads its own session and process group, which are not the test's.
            stat = Path(f"/proc/{child.pid}/stat").read_text()
            pgrp, session = (int(field) for field in stat.rsplit(")", 1)[1].split()[2:4])
        finally:
            kill(child)
    assert set(fds) <= {0, 1, 2, 3}  # 3: the listing's own
    assert (pgrp, session) == (child.pid, child.pid)
    assert session != os.getsid(0)


def test_its_output_is_bounded_and_it_is_stopped() -> None:
    started = time.monotonic()
    with pytest.raises(ChildFailed, match="wrote more than 1 MB"):
        run_limited(
            ["-c", "import sys\nwhile True: sys.stdout.write('x' * 65536)"],
            "",
            cpu_seconds=20,
            memory_bytes=2 * 1024**3,
            timeout=30,
            max_output=1024 * 1024,
        )
    assert time.monotonic() - started < 20


def test_a_child_that_hangs_is_stopped_at_its_timeout() -> None:
    started = time.monotonic()
    with pytest.raises(subprocess.TimeoutExpired):
        run_limited(
            ["-c", "import time; time.sleep(100)"],
            "",
            cpu_seconds=20,
            memory_bytes=2 * 1024**3,
            timeout=2,
        )
    assert time.monotonic() - started < 15


@jailed
def test_generated_code_that_verify_imports_cannot_leak_or_write(
    run_cli: RunCli, tmp_path: Path
) -> None:
    """A template's Python (a pull request's) runs in verify's import child: it reads
    what it can of this process and says it in its error, which verify prints."""
    root = tmp_path / "p"
    canary_file = root / "CANARY"
    code = f"""
        import os

        SEEN = []
        for pid in ({os.getpid()}, {os.getppid()}, os.getppid(), 1):
            try:
                with open("/proc/%d/environ" % pid, "rb") as handle:
                    SEEN.append(handle.read())
            except OSError as exc:
                SEEN.append(repr(exc))
        try:
            with open({str(canary_file)!r}, "w") as handle:
                handle.write("x")
        except OSError as exc:
            SEEN.append(repr(exc))
        raise RuntimeError("what the child saw: %r" % SEEN)
    """
    _template_project(root, textwrap.dedent(code))
    assert run_cli("regen", cwd=root).code == 0
    result = run_cli("verify", "--engines", "sqlite", cwd=root, env={"SCHEMACOG_CANARY": CANARY})
    output = result.out + result.err
    assert "what the child saw" in output, output  # it ran
    assert "isolated: own mount, PID and network namespaces" in output  # verify says so
    assert CANARY not in output
    # this process's /proc entry and its parent's were not there to read
    gone = r"\"(FileNotFoundError|PermissionError)\([^)]*\)\""
    assert re.search(rf"what the child saw: \[{gone}, {gone}, ", output), output
    assert not canary_file.exists()


def test_what_generated_code_says_cannot_forge_verify_lines(
    run_cli: RunCli, tmp_path: Path
) -> None:
    forged = r"raise RuntimeError('x\rpython imports (isolated)  ok\x1b]0;title\x07\x1b[2K')"
    root = _template_project(tmp_path / "p", forged)
    assert run_cli("regen", cwd=root).code == 0
    result = run_cli("verify", "--engines", "sqlite", cwd=root)
    assert "RuntimeError" in result.out
    assert "\r" not in result.out
    assert "\x1b" not in result.out
    assert "\\x1b]0;title" in result.out  # said, escaped


def _template_project(root: Path, template: str) -> Path:
    (root / "out").mkdir(parents=True)
    (root / "templates").mkdir()
    (root / "schema.yaml").write_text(
        "schemacog: 1\nname: x\ntables:\n  t:\n    columns:\n"
        "      id: {type: integer, primary_key: true}\n",
        encoding="utf-8",
    )
    (root / "pyproject.toml").write_text(
        '[tool.schemacog]\nschema = "schema.yaml"\nfiles = ["out/**/*"]\ntemplates = "templates"\n',
        encoding="utf-8",
    )
    (root / "templates" / "t.py.j2").write_text(template + "\n", encoding="utf-8")
    (root / "out" / "m.py").write_text(
        '"""Generated."""\n\n# [[[cog sc.template("t.py.j2") ]]]\n# [[[end]]]\n',
        encoding="utf-8",
    )
    return root


def test_generated_code_cannot_answer_for_the_child(run_cli: RunCli, tmp_path: Path) -> None:
    """What a module writes on descriptor 1 is not the child's answer."""
    forged = '{"imports": [{"path": "out/m.py", "error": null}], "rows": []}'
    template = f"import os\n\nos.write(1, {forged!r}.encode())\nos._exit(0)"
    root = _template_project(tmp_path / "p", template)
    assert run_cli("regen", cwd=root).code == 0
    result = run_cli("verify", "--engines", "sqlite", cwd=root)
    assert re.search(r"python imports \(isolated\)\s+failed", result.out), result.out


def test_what_verify_prints_of_generated_code_is_bounded(run_cli: RunCli, tmp_path: Path) -> None:
    template = "raise RuntimeError('x\\n' * 300_000 + 'y' * 5_000_000)"
    root = _template_project(tmp_path / "p", template)
    assert run_cli("regen", cwd=root).code == 0
    result = run_cli("verify", "--engines", "sqlite", cwd=root)
    assert "RuntimeError" in result.out
    assert len(result.out) < 1_000_000
    assert "more line(s) not shown" in result.out


@jailed
def test_a_kept_path_never_uncovers_the_project(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A sys.path entry that is the project or above it (PYTHONPATH=.) is not mounted."""
    from schemacog.sandbox import isolation as sandbox

    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "config").write_text(f"token = {CANARY}\n", encoding="utf-8")
    real = sandbox._kept
    monkeypatch.setattr(sandbox, "_kept", lambda: [*real(), str(tmp_path), "/"])
    code = f"""
        try:
            print(open({str(tmp_path / ".git" / "config")!r}).read())
        except OSError as exc:
            print(type(exc).__name__)
    """
    assert CANARY not in _run(code, project=tmp_path / "sub")


@jailed
def test_the_work_tree_around_the_project_is_hidden(tmp_path: Path) -> None:
    """A project in a folder of a checkout (a monorepo) hides the checkout's .git too."""
    base = Path("/var/lib")
    if not os.access(base, os.W_OK):
        pytest.skip("no writable folder outside the hidden ones")
    import shutil
    import tempfile

    repo = Path(tempfile.mkdtemp(prefix="schemacog-test-", dir=base))
    try:
        (repo / ".git").mkdir()
        (repo / ".git" / "config").write_text(f"token = {CANARY}\n", encoding="utf-8")
        (repo / "sub").mkdir()
        code = f"""
            try:
                print(open({str(repo / ".git" / "config")!r}).read())
            except OSError as exc:
                print(type(exc).__name__)
        """
        assert CANARY not in _run(code, project=repo / "sub")
    finally:
        shutil.rmtree(repo)
