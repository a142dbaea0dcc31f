# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Find Odoo, install what is missing, and get a PostgreSQL server for the test command.

Plain Python, shared by ``tests/run`` and ``tests/bench/run``.
"""

import importlib.metadata
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
ADDONS = REPO / "addons"

NO_ODOO = """\
Odoo 19.0 is not importable from this Python ({python}). The suite is a set of Odoo addons
and its tests run inside a real Odoo: install Odoo 19.0 Community first, for example from a
checkout of the 19.0 branch of the Odoo repository with `pip install -r requirements.txt`
then `pip install -e .` in that checkout (or the nightly Debian package), so that
`python3 -c 'import odoo'` works from a new shell; or run the suite in Docker with
`docker compose -f docker/compose.yaml run --rm odoo tests/run` (see README.md)."""


def log(message):
    print(f"[tests/run] {message}", flush=True)


def find_odoo():
    """Return the Odoo version string, or exit with instructions when Odoo 19 is missing."""
    try:
        import odoo.release  # noqa: PLC0415
    except ImportError:
        print(NO_ODOO.format(python=sys.executable), file=sys.stderr)
        sys.exit(2)
    version = odoo.release.version
    if not version.startswith("19.0"):
        print(f"Odoo {version} found, 19.0 needed.\n" + NO_ODOO.format(python=sys.executable),
              file=sys.stderr)
        sys.exit(2)
    return version


def addon_names():
    return sorted(p.parent.name for p in ADDONS.glob("*/__manifest__.py"))


# --------------------------------------------------------------------------- requirements

def _normalise(name):
    return re.sub(r"[-_.]+", "-", name).lower()


def _installed_version(name):
    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return None


def _pins(path):
    """{name: version} of the ``name==version`` lines whose markers hold on this Python."""
    try:
        from packaging.requirements import Requirement  # noqa: PLC0415
    except ImportError:  # pip always carries a copy
        from pip._vendor.packaging.requirements import Requirement  # noqa: PLC0415

    pins = {}
    for line in path.read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        requirement = Requirement(line)
        if requirement.marker and not requirement.marker.evaluate():
            continue
        (spec,) = requirement.specifier
        pins[requirement.name] = spec.version
    return pins


def _odoo_constraints():
    """Pin every package Odoo depends on at the version Odoo installed."""
    lines = ["setuptools<81"]
    for requirement in importlib.metadata.requires("odoo") or []:
        name = re.split(r"[ ;<>=!~\[]", requirement, maxsplit=1)[0]
        version = _installed_version(name)
        if version:
            lines.append(f"{name}=={version}")
    if _installed_version("greenlet"):
        lines.append(f"greenlet=={_installed_version('greenlet')}")
    return "\n".join(lines) + "\n"


def ensure_requirements():
    """Install the missing pins of requirements.txt and requirements-dev.txt (the lint tools).

    Odoo's own pins never move: they are the constraints of the install.
    """
    pins = {**_pins(REPO / "requirements.txt"), **_pins(REPO / "requirements-dev.txt")}
    missing = [f"{name}=={version}" for name, version in pins.items()
               if _installed_version(name) != version]
    if missing:
        log(f"installing {' '.join(missing)}")
        with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as constraints:
            constraints.write(_odoo_constraints())
        env = dict(os.environ, PIP_CONSTRAINT=constraints.name)
        subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", *missing],
                       check=True, env=env)
        os.unlink(constraints.name)
    for command, package in (("wkhtmltopdf", "wkhtmltopdf"), ("chromium", "chromium")):
        if not shutil.which(command):
            apt_install(package, why=f"{command} is missing")


def apt_install(*packages, why):
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        sys.exit(f"{why}: install the Debian packages {' '.join(packages)} and run again.")
    log(f"{why}: apt-get install {' '.join(packages)}")
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    subprocess.run(["apt-get", "update", "-qq"], check=False, env=env)
    subprocess.run(["apt-get", "install", "-y", "-qq", *packages], check=True, env=env,
                   stdout=subprocess.DEVNULL)


# --------------------------------------------------------------------------- PostgreSQL

def _odoo_rc_settings():
    """db_* settings of the odoo.conf named by ODOO_RC, else ~/.odoorc, if any."""
    import configparser  # noqa: PLC0415

    path = os.environ.get("ODOO_RC") or os.path.expanduser("~/.odoorc")
    parser = configparser.ConfigParser()
    if not os.path.isfile(path):
        return {}
    parser.read(path)
    options = parser["options"] if parser.has_section("options") else {}
    return {key: options[key] for key in ("db_host", "db_port", "db_user", "db_password")
            if options.get(key) not in (None, "", "False")}


def configured_server():
    """Connection settings from PG* variables or an odoo.conf, when such a server answers."""
    import psycopg2  # noqa: PLC0415

    rc = _odoo_rc_settings()
    settings = {
        "db_host": os.environ.get("PGHOST") or rc.get("db_host"),
        "db_port": os.environ.get("PGPORT") or rc.get("db_port") or "5432",
        "db_user": os.environ.get("PGUSER") or rc.get("db_user") or os.environ.get("USER", ""),
        "db_password": os.environ.get("PGPASSWORD") or rc.get("db_password"),
    }
    if settings["db_user"] in ("", "postgres", "root") and not (
            os.environ.get("PGUSER") or rc.get("db_user")):
        return None  # nothing configured for Odoo: do not guess a superuser
    try:
        psycopg2.connect(dbname="postgres", host=settings["db_host"], port=settings["db_port"],
                         user=settings["db_user"], password=settings["db_password"],
                         connect_timeout=3).close()
    except psycopg2.OperationalError:
        return None
    return settings


def _pg_bindir():
    candidates = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), reverse=True)
    if candidates:
        return candidates[0].parent
    found = shutil.which("initdb")
    return Path(found).parent if found else None


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class ThrowawayServer:
    """A PostgreSQL cluster in a temporary directory, owned by an unprivileged system user.

    initdb refuses to run as root and Odoo refuses the ``postgres`` role, so the cluster runs as
    the ``postgres`` system user (or the current user when not root) with a superuser role
    ``odoo``.
    """

    role = "odoo"

    def __init__(self):
        bindir = _pg_bindir()
        if bindir is None:
            apt_install("postgresql", why="no PostgreSQL server binaries")
            bindir = _pg_bindir()
        self.bindir = bindir
        self.port = _free_port()
        self.tmp = Path(tempfile.mkdtemp(prefix="claims-pg-"))
        self.data = self.tmp / "data"
        self.owner = self._system_user() if os.geteuid() == 0 else None

    @staticmethod
    def _system_user():
        import pwd  # noqa: PLC0415

        for name in ("postgres", "claims-pg"):
            try:
                pwd.getpwnam(name)
                return name
            except KeyError:
                continue
        subprocess.run(["useradd", "--system", "--no-create-home", "claims-pg"], check=True)
        return "claims-pg"

    def _run(self, *args, **kwargs):
        command = [str(self.bindir / args[0]), *args[1:]]
        if self.owner:
            command = ["runuser", "-u", self.owner, "--", *command]
        return subprocess.run(command, check=True, **kwargs)

    def start(self):
        if self.owner:
            shutil.chown(self.tmp, self.owner)
        self.tmp.chmod(0o755)
        log(f"starting a throwaway PostgreSQL on 127.0.0.1:{self.port} ({self.bindir})")
        self._run("initdb", "-D", str(self.data), "-U", self.role, "--auth=trust",
                  "-E", "UTF8", "--locale=C.UTF-8", stdout=subprocess.DEVNULL)
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.tmp / "server.log"), "-w",
                  "-o", f"-h 127.0.0.1 -p {self.port} -k {self.tmp} -c fsync=off "
                        "-c synchronous_commit=off -c full_page_writes=off "
                        "-c max_connections=200",
                  "start", stdout=subprocess.DEVNULL)
        return {"db_host": "127.0.0.1", "db_port": str(self.port), "db_user": self.role,
                "db_password": None}

    def stop(self):
        try:
            self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "stop",
                      stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        except subprocess.CalledProcessError:
            pass
        shutil.rmtree(self.tmp, ignore_errors=True)


def database_server():
    """(settings, server to stop or None)."""
    settings = configured_server()
    if settings:
        log(f"using the PostgreSQL at {settings['db_host'] or 'local socket'}:"
            f"{settings['db_port']} as {settings['db_user']}")
        return settings, None
    server = ThrowawayServer()
    try:
        return server.start(), server
    except BaseException:
        server.stop()
        raise


def odoo_db_args(settings):
    args = []
    for key in ("db_host", "db_port", "db_user", "db_password"):
        if settings.get(key):
            args.append(f"--{key}={settings[key]}")
    return args


def odoo_env(settings):
    """Environment for child processes (pytest, benchmarks) pointing at the same server."""
    env = dict(os.environ)
    mapping = {"db_host": "PGHOST", "db_port": "PGPORT", "db_user": "PGUSER",
               "db_password": "PGPASSWORD"}
    for key, var in mapping.items():
        if settings.get(key):
            env[var] = str(settings[key])
    return env


def drop_database(settings, name):
    import psycopg2  # noqa: PLC0415

    connection = psycopg2.connect(dbname="postgres", host=settings.get("db_host"),
                                  port=settings.get("db_port"), user=settings.get("db_user"),
                                  password=settings.get("db_password"))
    connection.autocommit = True
    with connection.cursor() as cr:
        cr.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    connection.close()


def timestamped_name(prefix):
    return f"{prefix}_{time.strftime('%Y%m%d_%H%M%S')}_{os.getpid()}"


def odoo_location():
    import odoo.release  # noqa: PLC0415

    return Path(odoo.release.__file__).resolve().parents[1]
