"""A throwaway PostgreSQL server for the tests and benchmarks: a private data directory, unix socket only.

`start_postgres(base)` runs Debian's `initdb` and `pg_ctl` (or those on PATH / in `PIA_PG_BINDIR`) and
returns a `PgServer` with a SQLAlchemy URL GX accepts. As root it runs the server as the `postgres` user
(PostgreSQL refuses root). Where `/dev/null` is not a writable character device for that user (seen in
sandboxes, where it can be a plain root-owned file, which makes initdb fail), the server is started in a
private mount namespace (`unshare -m`) with a null device bound over `/dev/null`, so nothing outside changes.
"""
from __future__ import annotations

import glob
import os
import pwd
import shlex
import shutil
import stat
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

DATABASE = "pia"
USER = "pia"


class PostgresUnavailable(RuntimeError):
    """No PostgreSQL binaries, or no way to run them here (the message says which)."""


def find_bindir() -> Path | None:
    """The directory with initdb and pg_ctl: $PIA_PG_BINDIR, the newest Debian install, or PATH."""
    env = os.environ.get("PIA_PG_BINDIR")
    candidates = [env] if env else []
    candidates += sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(p.split("/")[-2])
                         if p.split("/")[-2].isdigit() else 0, reverse=True)
    on_path = shutil.which("initdb")
    if on_path:
        candidates.append(str(Path(on_path).parent))
    for cand in candidates:
        if cand and (Path(cand) / "initdb").is_file() and (Path(cand) / "pg_ctl").is_file():
            return Path(cand)
    return None


@dataclass
class PgServer:
    """A running server: its files, socket directory and how to stop it."""

    base: Path
    bindir: Path
    socket_dir: Path
    port: int
    wrapper: list[str]  # how a command is run as the server's user (and in its namespace)

    @property
    def url(self) -> str:
        """SQLAlchemy URL over the unix socket (GX's add_postgres needs a host, hence localhost + ?host=)."""
        return f"postgresql+psycopg2://{USER}@localhost:{self.port}/{DATABASE}?host={self.socket_dir}"

    @property
    def dsn(self) -> str:
        """libpq connection string (psycopg2.connect)."""
        return f"host={self.socket_dir} port={self.port} user={USER} dbname={DATABASE}"

    def stop(self) -> None:
        """Stop the server (fast shutdown) and remove its files."""
        _run(self.wrapper, [str(self.bindir / "pg_ctl"), "-D", str(self.base / "data"), "-m", "fast", "-w",
                            "stop"], check=False)
        shutil.rmtree(self.base, ignore_errors=True)


def _null_usable(user: str | None) -> bool:
    """Whether `user` (None: this process) can write to /dev/null as a character device."""
    try:
        st = os.stat("/dev/null")
    except OSError:
        return False
    if not stat.S_ISCHR(st.st_mode):
        return False
    if user is None:
        return os.access("/dev/null", os.W_OK)
    return bool(st.st_mode & stat.S_IWOTH)


def _run(wrapper: list[str], argv: list[str], check: bool = True) -> subprocess.CompletedProcess:
    cmd = [*wrapper, " ".join(shlex.quote(a) for a in argv)] if wrapper else argv
    return subprocess.run(cmd, check=check, capture_output=True, text=True, timeout=180)


def _wrapper(base: Path) -> list[str]:
    """The command prefix that runs a shell command line as the server's user, with a usable /dev/null."""
    user = None
    if os.geteuid() == 0:
        try:
            pwd.getpwnam("postgres")
        except KeyError:
            raise PostgresUnavailable("running as root and there is no 'postgres' user to run the server") from None
        user = "postgres"
    as_user = f"su {user} -s /bin/sh -c" if user else "sh -c"
    if _null_usable(user):
        return as_user.split()
    # A private mount namespace with a real null device over /dev/null (root only).
    if os.geteuid() != 0 or shutil.which("unshare") is None:
        raise PostgresUnavailable("/dev/null is not a writable character device and unshare is unavailable")
    null = base / "null"
    try:
        os.mknod(null, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
        os.chmod(null, 0o666)
    except OSError:  # no mknod: a world-writable file does the job of a sink for the server's few writes
        null.touch()
        os.chmod(null, 0o666)
    inner = f"mount --bind {shlex.quote(str(null))} /dev/null && exec {as_user} \"$0\""
    return ["unshare", "-m", "sh", "-c", inner]


def start_postgres(base: str | Path | None = None, port: int = 5432) -> PgServer:
    """Initialise and start a server in a new directory under `base` (default: a fresh temp dir).

    Listens on a unix socket in that directory only (no TCP); trust authentication for the `pia` superuser.
    Raises `PostgresUnavailable` when the binaries are missing or cannot be run here.
    """
    bindir = find_bindir()
    if bindir is None:
        raise PostgresUnavailable("PostgreSQL binaries (initdb, pg_ctl) not found")
    # Under /tmp, not pytest's 0700 tree, so the postgres user can reach it.
    root = Path(tempfile.mkdtemp(prefix="pia-pg-", dir=base))
    os.chmod(root, 0o755)
    try:
        wrapper = _wrapper(root)
        if os.geteuid() == 0:
            pw = pwd.getpwnam("postgres")
            os.chown(root, pw.pw_uid, pw.pw_gid)
        data, sock = root / "data", root
        _run(wrapper, [str(bindir / "initdb"), "-D", str(data), "-A", "trust", "-U", USER, "-E", "UTF8",
                       "--locale=C", "--no-sync"])
        opts = (f"-k {sock} -c listen_addresses='' -p {port} -c fsync=off -c synchronous_commit=off "
                f"-c full_page_writes=off -c timezone=UTC -c max_wal_size=4GB -c shared_buffers=256MB")
        _run(wrapper, [str(bindir / "pg_ctl"), "-D", str(data), "-o", opts, "-l", str(root / "server.log"),
                       "-w", "-t", "120", "start"])
        _run(wrapper, [str(bindir / "createdb"), "-h", str(sock), "-p", str(port), "-U", USER, DATABASE])
    except subprocess.CalledProcessError as exc:
        log = (root / "server.log").read_text(errors="replace")[-2000:] if (root / "server.log").exists() else ""
        shutil.rmtree(root, ignore_errors=True)
        raise PostgresUnavailable(f"could not start PostgreSQL: {exc.stderr.strip()[-500:]} {log}") from None
    except PostgresUnavailable:
        shutil.rmtree(root, ignore_errors=True)
        raise
    return PgServer(base=root, bindir=bindir, socket_dir=sock, port=port, wrapper=wrapper)
