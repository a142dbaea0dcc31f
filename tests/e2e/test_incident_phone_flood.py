# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A burst of reports sent at the same moment through one incident link, from one address:
no more are filed, and no more copy mails queued, than the link's "Reports per hour" allows.

Counting hits one request after the other is not enough here: requests that run side by side
each see the hits committed before they began, and would all pass.
"""

import re
import uuid
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta, timezone

import pytest
import requests

from tests.odoo_rpc import OdooRpc

LIMIT = 2
BURST = 8


@pytest.fixture(scope="module")
def admin(odoo_server, odoo_database):
    return OdooRpc(odoo_server.url, odoo_database)


def test_parallel_reports_through_a_link_stay_under_its_limit(odoo_server, admin):
    tag = uuid.uuid4().hex[:6]
    # a company of its own: no vehicles to choose, no earlier hits
    company_id = admin("res.company", "create", [{"name": f"Flood test {tag}"}])[0]
    admin("res.users", "write", [admin.uid], {"company_ids": [(4, company_id)]})
    link_id = admin("claims.incident.link", "create", [{
        "name": f"Flood {tag}", "company_id": company_id, "rate_limit": LIMIT}])[0]
    token = admin("claims.incident.link", "read", [link_id], ["token"])[0]["token"]
    url = f"{odoo_server.url}/claims/report/{token}"
    session = requests.Session()
    page = session.get(url, timeout=120)
    assert page.status_code == 200
    csrf = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
    moment = datetime.now(timezone.utc) - timedelta(hours=1)

    def send(index):
        response = session.post(url, data={
            "csrf_token": csrf,
            "submission_uuid": str(uuid.uuid4()),
            "incident_type": "vehicle_collision",
            "date_incident": moment.strftime("%Y-%m-%dT%H:%M"),
            "tz": "UTC",
            "latitude": "52.0907",
            "longitude": "5.1214",
            "description": f"Burst report {index}",
            "has_injuries": "no",
            "reporter_name": f"Burst {index}",
            "reporter_email": f"burst.{tag}.{index}@example.com",
        }, allow_redirects=False, timeout=300)
        return response.status_code

    with ThreadPoolExecutor(max_workers=BURST) as pool:
        statuses = list(pool.map(send, range(BURST)))

    incident_ids = admin("claims.incident", "search", [("incident_link_id", "=", link_id)])
    assert 1 <= len(incident_ids) <= LIMIT, statuses
    assert statuses.count(303) == len(incident_ids), statuses
    # the others were turned away: over the limit, or out of retries while waiting their turn
    assert all(status == 303 or status == 429 or status >= 500 for status in statuses), statuses
    copies = admin("mail.mail", "search_count", [
        ("model", "=", "claims.incident"), ("res_id", "in", incident_ids),
        ("email_to", "like", f"burst.{tag}."),
    ])
    assert copies == len(incident_ids)
