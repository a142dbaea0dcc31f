#!/usr/bin/env bash
# Installs the suite's requirements into the odoo:19 image, creates the demo database on first
# start, then serves Odoo; with arguments (e.g. tests/run) it runs those instead.
set -euo pipefail
cd /mnt/claims
constraints=$(mktemp)
python3 - <<'PY' > "$constraints"
import importlib.metadata as md, re
for req in md.requires("odoo") or []:
    name = re.split(r"[ ;<>=!~\[]", req, maxsplit=1)[0]
    try:
        print(f"{name}=={md.version(name)}")
    except md.PackageNotFoundError:
        pass
PY
PIP_CONSTRAINT="$constraints" pip install --quiet --break-system-packages \
    -r requirements.txt -r requirements-dev.txt
# Chromium drives the Opus robot and the browser tests
if ! command -v chromium >/dev/null; then
    { apt-get update -qq && apt-get install -y -qq chromium; } >/dev/null 2>&1 \
        || echo "chromium could not be installed: the Opus robot and browser tests need it" >&2
fi

addons=$(cd addons && ls -d claims_*/ | tr -d / | paste -sd, -)
run_odoo=(runuser -u odoo -- odoo --addons-path=/mnt/claims/addons --db_host="$PGHOST"
          --db_port="$PGPORT" --db_user="$PGUSER" --db_password="$PGPASSWORD")

if [ "$#" -gt 0 ]; then
    exec "$@"
fi
if ! psql "postgresql://$PGUSER:$PGPASSWORD@$PGHOST:$PGPORT/$CLAIMS_DEMO_DB" -c 'select 1' \
        >/dev/null 2>&1; then
    "${run_odoo[@]}" -d "$CLAIMS_DEMO_DB" -i "$addons" --with-demo --stop-after-init
fi
exec "${run_odoo[@]}" -d "$CLAIMS_DEMO_DB" --db-filter="^$CLAIMS_DEMO_DB\$" \
    --load=web,queue_job --workers=2 --max-cron-threads=1
